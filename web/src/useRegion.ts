import { getRegion, getRegionChildren, listRegions, type Region, type RegionAncestor } from './api';
import type { ExplorerLevel } from './regionText';
import { useLoad, type LoadState } from './shared/useLoad';

/** What the explorer shows for one place: Indonesia (code null) or a region. */
export interface RegionViewData {
  code: string | null;
  name: string;
  level: ExplorerLevel;
  /** Root first: province, regency/city, district. */
  ancestors: RegionAncestor[];
  childCount: number;
  children: Region[];
  childrenTotal: number;
}

const PROVINCE_LIMIT = 100;
const CHILDREN_LIMIT = 1000;

async function loadRegion(code: string | null, signal: AbortSignal): Promise<RegionViewData> {
  if (code === null) {
    const provinces = await listRegions({ level: 1, limit: PROVINCE_LIMIT }, signal);
    return {
      code: null,
      name: 'Indonesia',
      level: 0,
      ancestors: [],
      childCount: provinces.total,
      children: provinces.items,
      childrenTotal: provinces.total,
    };
  }
  const [region, children] = await Promise.all([
    getRegion(code, signal),
    getRegionChildren(code, { limit: CHILDREN_LIMIT }, signal),
  ]);
  return {
    code: region.code,
    name: region.name,
    level: region.level,
    ancestors: [...region.ancestors].sort((a, b) => a.level - b.level),
    childCount: region.childCount,
    children: children.items,
    childrenTotal: children.total,
  };
}

/** Loads a region and its children; `reload` retries after an error. */
export function useRegion(code: string | null): {
  state: LoadState<RegionViewData>;
  reload: () => void;
} {
  return useLoad(code ?? '', (signal) => loadRegion(code, signal));
}
