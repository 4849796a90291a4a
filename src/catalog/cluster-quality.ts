/**
 * Pairwise precision and recall of a clustering against labels: over all pairs of applications,
 * precision = pairs in the same cluster that share a label / pairs in the same cluster, and recall =
 * pairs sharing a label that are in the same cluster / pairs sharing a label. Computed from the
 * contingency table (label, cluster), not by enumerating pairs.
 */
export interface PairwiseScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly pairsSameCluster: number;
  readonly pairsSameLabel: number;
  readonly pairsBoth: number;
}

export function pairwiseScores(
  items: readonly { readonly label: string; readonly cluster: string }[],
): PairwiseScores {
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const byLabel = new Map<string, number>();
  const byCluster = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (const { label, cluster } of items) {
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    byCluster.set(cluster, (byCluster.get(cluster) ?? 0) + 1);
    const key = `${label}\u0000${cluster}`;
    byBoth.set(key, (byBoth.get(key) ?? 0) + 1);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, k) => s + pairs(k), 0);
  const pairsSameLabel = sum(byLabel);
  const pairsSameCluster = sum(byCluster);
  const pairsBoth = sum(byBoth);
  const precision = pairsSameCluster === 0 ? 1 : pairsBoth / pairsSameCluster;
  const recall = pairsSameLabel === 0 ? 1 : pairsBoth / pairsSameLabel;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pairsSameCluster, pairsSameLabel, pairsBoth };
}
