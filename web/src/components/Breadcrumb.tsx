import type { RegionAncestor } from '../api';
import { useI18n } from '../i18n';
import { regionHash } from '../router';

interface BreadcrumbProps {
  ancestors: RegionAncestor[];
  /** The current region; null when the current place is Indonesia itself. */
  current: { code: string; name: string } | null;
  /** Where a place's link goes (null: Indonesia); the region explorer by default. */
  hrefOf?: (code: string | null) => string;
}

export function Breadcrumb({ ancestors, current, hrefOf = regionHash }: BreadcrumbProps) {
  const { t } = useI18n();
  const separator = (
    <span className="breadcrumb-separator" aria-hidden="true">
      {` ${t('breadcrumb.separator')} `}
    </span>
  );
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb" data-testid="breadcrumb">
      <ol>
        <li>
          {current === null ? (
            <span aria-current="page">Indonesia</span>
          ) : (
            <a href={hrefOf(null)}>Indonesia</a>
          )}
        </li>
        {ancestors.map((ancestor) => (
          <li key={ancestor.code}>
            {separator}
            <a href={hrefOf(ancestor.code)} data-testid={`crumb-${ancestor.code}`}>
              {ancestor.name}
            </a>
          </li>
        ))}
        {current && (
          <li>
            {separator}
            <span aria-current="page">{current.name}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
