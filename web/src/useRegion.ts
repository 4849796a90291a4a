import { useCallback, useEffect, useState } from 'react';
import {
  getRegion,
  getRegionChildren,
  isAbortError,
  listRegions,
  type Region,
  type RegionAncestor,
} from './api';
import type { ExplorerLevel } from './regionText';

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

export type LoadState<T> =
  { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

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
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{
    code: string | null;
    attempt: number;
    state: LoadState<RegionViewData>;
  } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadRegion(code, controller.signal).then(
      (data) => setResult({ code, attempt, state: { status: 'ready', data } }),
      (error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setResult({ code, attempt, state: { status: 'error', error } });
      },
    );
    return () => controller.abort();
  }, [code, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // A result for another region (or an earlier attempt) is stale: show loading until ours arrives.
  const state: LoadState<RegionViewData> =
    result && result.code === code && result.attempt === attempt
      ? result.state
      : { status: 'loading' };
  return { state, reload };
}
