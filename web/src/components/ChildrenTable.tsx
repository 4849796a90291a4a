import type { RegionLevel } from '../api';
import { useI18n } from '../i18n';
import { regionHash } from '../router';
import type { RegionViewData } from '../useRegion';

export function ChildrenTable({ region }: { region: RegionViewData }) {
  const { t, formatNumber } = useI18n();
  const { children, childrenTotal } = region;
  if (region.level === 4 || children.length === 0) {
    return (
      <p className="muted" data-testid="children-empty">
        {t('children.empty')}
      </p>
    );
  }
  const childLevel: RegionLevel = children[0]?.level ?? 1;
  return (
    <div className="children">
      <table className="data-table children-table" data-testid="children">
        <caption>{t(`children.caption.${childLevel}`, { name: region.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('children.code')}</th>
            <th scope="col">{t('children.name')}</th>
          </tr>
        </thead>
        <tbody>
          {children.map((child) => (
            <tr key={child.code}>
              <td className="code">{child.code}</td>
              <td>
                <a href={regionHash(child.code)} data-testid={`child-${child.code}`}>
                  {child.name}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {childrenTotal > children.length && (
        <p className="muted">
          {t('children.partial', {
            shown: formatNumber(children.length),
            total: formatNumber(childrenTotal),
          })}
        </p>
      )}
    </div>
  );
}
