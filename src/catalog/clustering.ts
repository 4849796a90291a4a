import { isGenericWord, placeWords, rootOf, textTokenGroups, textTokens } from './catalog.text.ts';

/**
 * Finding applications that do the same job (issue 4): every application gets the government
 * function it most likely serves, and the applications of one function form a cluster that could
 * consolidate onto that function's shared national application. Pure computation, no SQL: the
 * service loads the inventory, the taxonomy and the officials' decisions and stores the result.
 *
 * How (docs/decisions/0006-clustering-by-function.md):
 * 1. Text: name and acronym, description and owning unit, normalised (catalog.text.ts): prefixes,
 *    acronyms, misspellings, versions and the owner's own place name; derived words reduced to
 *    their root (kepegawaian -> pegawai) when the root is a word of the inventory or taxonomy.
 * 2. Keyword evidence: each function's keywords (taxonomy data that admins edit) found in the
 *    fields, weighted by field (name > description > unit), phrase length and how many functions
 *    share the keyword; a keyword inside a longer one of another function does not count
 *    (longest match). A name that starts with a cross-cutting function (personnel, complaints,
 *    website…) is that function's, whatever sector's words follow; so is a levy, whichever
 *    office collects it. The owner's level settles finance: a central agency's consolidates onto
 *    SAKTI, a regional government's onto SIPD.
 * 3. Learned evidence: TF-IDF vectors; each function's centroid is built from the officials'
 *    decisions and the applications with decisive keyword evidence, so that words no keyword list
 *    holds (brand names, local terms) still count. Blocking: similarities are computed only over
 *    shared features through inverted indexes, never all pairs.
 * 4. Decisions: a confirmed or moved application keeps its function; its nearest undecided
 *    neighbours lean towards it. A split makes a separate cluster of the applications named.
 * 5. Applications with no function clear enough are grouped among themselves by similarity
 *    (leader clustering over the same vectors), so that functions missing from the taxonomy
 *    still form clusters.
 */

export interface ClusterApplication {
  readonly id: number;
  readonly name: string;
  readonly acronym: string | null;
  readonly description: string | null;
  readonly unit: string | null;
  /** The owning agency's name; its place words are not evidence of a function. */
  readonly agencyName: string;
  /** Whether the owning agency is a central one (pusat): its finance consolidates elsewhere. */
  readonly central: boolean;
}

export interface ClusterFunction {
  readonly code: string;
  readonly name: string;
  readonly sharedApplication: string | null;
  readonly keywords: readonly string[];
}

export type DecisionKind = 'confirm' | 'move' | 'split';

/** An official's latest decision on one application. */
export interface ClusterDecision {
  readonly applicationId: number;
  readonly kind: DecisionKind;
  /** confirm, move: the function; split: the function of the new cluster, if any. */
  readonly functionCode: string | null;
  /** split: the key of the new cluster (the same for all applications split together). */
  readonly group: string | null;
}

export type EvidenceField = 'name' | 'description' | 'unit';

export interface Evidence {
  /** Keywords of the chosen function found in the application's text. */
  readonly terms: { readonly term: string; readonly field: EvidenceField }[];
  /** The most similar applications that officials have decided on, with their function. */
  readonly neighbours: {
    readonly applicationId: number;
    readonly similarity: number;
    readonly functionCode: string | null;
  }[];
  /** How close the chosen function came to the learned profile of its applications (0..1). */
  readonly profileSimilarity: number;
  /** The second-best function, when there was one. */
  readonly runnerUp: { readonly functionCode: string; readonly score: number } | null;
  /** Set when an official decided: the decision's kind. */
  readonly decision: DecisionKind | null;
}

export interface Assignment {
  readonly applicationId: number;
  readonly clusterId: string;
  readonly functionCode: string | null;
  readonly sharedApplication: string | null;
  /** 0..1: 1 for officials' decisions. */
  readonly confidence: number;
  readonly decided: boolean;
  readonly evidence: Evidence;
}

export interface ClusteringResult {
  readonly assignments: Assignment[];
  /** How many applications each way. */
  readonly byFunction: number;
  readonly bySimilarity: number;
  readonly decided: number;
}

/** Field weights of keyword evidence and of the TF-IDF vectors. */
const KEYWORD_FIELD_WEIGHT: Record<EvidenceField, number> = { name: 3, description: 2, unit: 1 };
const VECTOR_FIELD_WEIGHT: Record<EvidenceField, number> = { name: 2, description: 1, unit: 0.5 };
/** Keyword score k maps to k / (k + KEYWORD_HALF): 0.5 at KEYWORD_HALF. */
const KEYWORD_HALF = 3;
/** Weight of the similarity to a function's learned profile. */
const PROFILE_WEIGHT = 0.9;
/** Weight of the similarity to the nearest decided application of a function. */
const NEIGHBOUR_WEIGHT = 1.2;
const NEIGHBOUR_MIN_SIMILARITY = 0.35;
/** Decided applications at least this similar are shown as evidence. */
const NEIGHBOUR_EVIDENCE_SIMILARITY = 0.25;
/** A one-word keyword found only through its root counts this much. */
const ROOT_MATCH_FACTOR = 0.5;
/** Below this score an application is grouped by similarity instead of by function. */
const MIN_SCORE = 0.2;
/** The first keyword found in an application's name counts this many times. */
const HEAD_FACTOR = 1.6;
/** Keyword evidence strong and clear enough to teach a function's profile. */
const SEED_MIN_KEYWORD = 2.5;
const SEED_MIN_RATIO = 2;
/** Leader clustering of the rest: join a group at this similarity to its profile. */
const GROUP_MIN_SIMILARITY = 0.3;
/** Features in more applications than this are too common to block on. */
const BLOCKING_MAX_DF = 2000;

type Vector = { ids: Int32Array; weights: Float64Array };

interface Prepared {
  fields: Record<EvidenceField, string[]>;
  vector: Vector;
}

/**
 * What the clustering computes from the inventory and the taxonomy alone: tokens, keyword
 * evidence and vectors. Officials' decisions do not change it, so a re-run after a decision reuses
 * it (see catalog.service.ts) and only assigns again.
 */
export interface PreparedInventory {
  readonly applications: readonly ClusterApplication[];
  readonly functions: readonly ClusterFunction[];
  readonly prepared: readonly Prepared[];
  readonly keywordScores: readonly KeywordScores[];
  readonly df: readonly number[];
}

interface KeywordScores {
  scores: Map<number, number>;
  terms: Map<number, Evidence['terms']>;
  /** The cross-cutting function whose keyword the name starts with, if any. */
  lead: number | null;
}

export function clusterApplications(
  applications: readonly ClusterApplication[],
  functions: readonly ClusterFunction[],
  decisions: readonly ClusterDecision[],
): ClusteringResult {
  return assignClusters(prepareInventory(applications, functions), decisions);
}

export function prepareInventory(
  applications: readonly ClusterApplication[],
  functions: readonly ClusterFunction[],
): PreparedInventory {
  // Inventories repeat names, descriptions and units: each distinct text is tokenised once.
  const tokenCache = new Map<string, { tokens: string[]; groups: number[] }>();
  const tokens = (text: string | null, drop: ReadonlySet<string>) => {
    if (text === null || text === '') return { tokens: [], groups: [] };
    let t = tokenCache.get(text);
    if (t === undefined) {
      t = textTokenGroups(text);
      tokenCache.set(text, t);
    }
    if (drop.size === 0 || !t.tokens.some((w) => drop.has(w))) return t;
    const kept = t.tokens.map((w) => !drop.has(w));
    return {
      tokens: t.tokens.filter((_, k) => kept[k]),
      groups: t.groups.filter((_, k) => kept[k]),
    };
  };
  // 1. Text -> tokens per field (with the written word each comes from), then roots.
  const placeCache = new Map<string, Set<string>>();
  const ownerCache = new Map<string, Set<string>>();
  const grouped = applications.map((app) => {
    let drop = placeCache.get(app.agencyName);
    if (drop === undefined) placeCache.set(app.agencyName, (drop = placeWords(app.agencyName)));
    let owner = ownerCache.get(app.agencyName);
    if (owner === undefined) ownerCache.set(app.agencyName, (owner = ownerWords(app.agencyName)));
    return {
      name: websiteName(
        owner,
        tokens(
          app.acronym === null || isInitialsOf(app.acronym, app.name)
            ? siteName(app.name)
            : `${siteName(app.name)} ${app.acronym}`,
          drop,
        ),
      ),
      description: tokens(app.description, drop),
      unit: tokens(app.unit, drop),
    };
  });
  const tokenised = grouped.map((g) => ({
    name: g.name.tokens,
    description: g.description.tokens,
    unit: g.unit.tokens,
  }));
  const groupsOf = grouped.map((g) => ({
    name: g.name.groups,
    description: g.description.groups,
    unit: g.unit.groups,
  }));
  // A keyword of one generic word ("informasi") would match everywhere: it is left out.
  const keywordTokens = functions.map((f) =>
    f.keywords.map((k) => {
      const tokens = textTokens(k);
      return tokens.length === 1 && isGenericWord(tokens[0] ?? '') ? [] : tokens;
    }),
  );
  const known = new Set<string>();
  for (const t of tokenised)
    for (const list of [t.name, t.description, t.unit]) addAll(known, list);
  for (const list of keywordTokens) for (const k of list) addAll(known, k);
  const roots = new Map<string, string>();
  const root = (word: string): string => {
    let r = roots.get(word);
    if (r === undefined) {
      r = rootOf(word, known);
      roots.set(word, r);
    }
    return r;
  };
  const rooted = (words: string[]) => words.map(root);

  // 2. Keyword phrases by their first root.
  type Phrase = KeywordPhrase;
  const phraseFunctions = new Map<string, Set<number>>();
  const phraseList: Omit<Phrase, 'weight' | 'unitLike' | 'writtenWords'>[] = [];
  keywordTokens.forEach((list, fn) => {
    list.forEach((tokens, k) => {
      if (tokens.length === 0) return;
      // Keywords match the words as written (after normalisation), not their roots: kepegawaian
      // says personnel, its root pegawai only says that employees are involved.
      const words = tokens;
      const key = words.join(' ');
      let set = phraseFunctions.get(key);
      if (set === undefined) phraseFunctions.set(key, (set = new Set()));
      if (set.has(fn)) return;
      set.add(fn);
      phraseList.push({ words, fn, term: functions[fn]?.keywords[k] ?? key });
    });
  });
  const phrasesByFirst = new Map<string, Phrase[]>();
  const rootPhrases = new Map<string, Phrase[]>();
  for (const p of phraseList) {
    const shared = phraseFunctions.get(p.words.join(' '))?.size ?? 1;
    const phrase = {
      ...p,
      weight: (1 + 0.4 * (p.words.length - 1)) / Math.sqrt(shared),
      unitLike: UNIT_WORDS.has(p.words[0] ?? ''),
      // An acronym keyword ("dpmptsp") is matched with the words it stands for, but is one word.
      writtenWords: Math.min(p.words.length, p.term.trim().split(/\s+/).length),
    };
    const first = p.words[0] ?? '';
    const list = phrasesByFirst.get(first);
    if (list === undefined) phrasesByFirst.set(first, [phrase]);
    else list.push(phrase);
    // One-word keywords also match other forms of the same root, at a lower weight
    // (mengadukan, aduan, pengaduan), so that a description need not use the listed form.
    // Only for derived keywords: a bare keyword (jalan, temuan) would catch unrelated derivations
    // (perjalanan, pertemuan).
    if (p.words.length === 1 && root(first) !== first) {
      const r = root(first);
      const byRoot = rootPhrases.get(r);
      const weaker = { ...phrase, weight: phrase.weight * ROOT_MATCH_FACTOR };
      if (byRoot === undefined) rootPhrases.set(r, [weaker]);
      else byRoot.push(weaker);
    }
  }

  // 3. Vectors (TF-IDF over roots, by field weight), document frequencies first.
  const featureIds = new Map<string, number>();
  const df: number[] = [];
  // Roots of every token (for keyword matches by root), and of the content tokens (for vectors).
  const rootedFields = tokenised.map((t) => ({
    name: rooted(t.name),
    description: rooted(t.description),
    unit: rooted(t.unit),
  }));
  const content = (words: string[]) => words.filter((w) => !isGenericWord(w));
  const contentFields = tokenised.map((t) => ({
    name: rooted(content(t.name)),
    description: rooted(content(t.description)),
    unit: rooted(content(t.unit)),
  }));
  for (const f of contentFields) {
    const seen = new Set<number>();
    for (const word of [...f.name, ...f.description, ...f.unit]) {
      let id = featureIds.get(word);
      if (id === undefined) {
        id = df.length;
        featureIds.set(word, id);
        df.push(0);
      }
      if (!seen.has(id)) {
        seen.add(id);
        df[id] = (df[id] ?? 0) + 1;
      }
    }
  }
  const n = applications.length;
  const idf = df.map((d) => Math.log((1 + n) / (1 + d)) + 1);
  const prepared: Prepared[] = contentFields.map((fields) => {
    const weights = new Map<number, number>();
    for (const field of ['name', 'description', 'unit'] as const) {
      for (const word of fields[field]) {
        const id = featureIds.get(word) ?? -1;
        weights.set(id, (weights.get(id) ?? 0) + VECTOR_FIELD_WEIGHT[field]);
      }
    }
    return { fields, vector: toVector(weights, idf) };
  });

  // Keyword scores per application: function -> score and matched terms.
  const crossCutting = new Set<number>();
  functions.forEach((f, k) => {
    if (CROSS_CUTTING.has(f.code)) crossCutting.add(k);
  });
  const levies = functions.findIndex((f) => f.code === 'levies');
  const keywordScores = tokenised.map((t, i) =>
    scoreKeywords(
      t,
      rootedFields[i] ?? t,
      groupsOf[i] ?? groupsOf[0]!,
      phrasesByFirst,
      rootPhrases,
      crossCutting,
      levies,
    ),
  );

  return { applications, functions, prepared, keywordScores, df };
}

/** Assigns every application a cluster from the prepared inventory and the decisions in force. */
export function assignClusters(
  inventory: PreparedInventory,
  decisions: readonly ClusterDecision[],
): ClusteringResult {
  const { applications, functions, prepared, keywordScores, df } = inventory;
  const n = applications.length;
  const channels = new Set<number>();
  functions.forEach((f, k) => {
    if (CHANNELS.has(f.code)) channels.add(k);
  });
  const functionIndex = new Map(functions.map((f, i) => [f.code, i]));
  const regionalFinance = functionIndex.get('regional-finance');
  const stateFinance = functionIndex.get('state-finance');
  /**
   * Central agencies' finance consolidates onto SAKTI, regional governments' onto SIPD: the same
   * words are one function or the other by the owner's level, unless the text names regional
   * finance itself (a ministry's system for regional budgets).
   */
  const byLevel = (fn: number, central: boolean, fields: Prepared['fields']): number => {
    if (regionalFinance === undefined || stateFinance === undefined) return fn;
    if (fn === regionalFinance && central)
      return [fields.name, fields.description].some((words) =>
        words.some((w) => REGIONAL_FINANCE_WORDS.has(w)),
      )
        ? fn
        : stateFinance;
    if (fn === stateFinance && !central) return regionalFinance;
    return fn;
  };
  const decisionOf = new Map<number, ClusterDecision>();
  for (const d of decisions) decisionOf.set(d.applicationId, d);

  // 4. Function profiles from decisions and decisive keyword evidence.
  const profiles = functions.map(() => new Map<number, number>());
  applications.forEach((app, i) => {
    const decision = decisionOf.get(app.id);
    let fn: number | undefined;
    let weight = 1;
    if (decision !== undefined && decision.functionCode !== null) {
      fn = functionIndex.get(decision.functionCode);
      weight = 3;
    } else if (decision === undefined) {
      const [best, second] = topTwo(keywordScores[i]?.scores ?? new Map<number, number>());
      if (
        best !== null &&
        best.score >= SEED_MIN_KEYWORD &&
        best.score >= SEED_MIN_RATIO * (second?.score ?? 0)
      )
        fn = best.fn;
    }
    const profile = fn === undefined ? undefined : profiles[fn];
    if (profile === undefined) return;
    const v = prepared[i]?.vector;
    if (v !== undefined)
      for (let k = 0; k < v.ids.length; k++)
        addTo(profile, v.ids[k] ?? 0, weight * (v.weights[k] ?? 0));
  });
  // The normalised profiles as a dense feature x function matrix: a dot product with every
  // profile is then a few multiply-adds per feature of the application.
  const F = functions.length;
  const dense = new Float64Array(df.length * F);
  profiles.forEach((profile, fn) => {
    for (const [id, w] of normalise(profile)) dense[id * F + fn] = w;
  });
  const sims = new Float64Array(F);
  const total = new Float64Array(F);

  // Decided applications, indexed for nearest-neighbour evidence.
  const decidedIndexes: number[] = [];
  applications.forEach((app, i) => {
    if (decisionOf.get(app.id)?.functionCode != null) decidedIndexes.push(i);
  });
  const decidedIndex = invert(decidedIndexes.map((i) => vectorMap(prepared[i]?.vector)));

  // 5. Scores and assignment.
  const assignments: (Assignment | null)[] = new Array<Assignment | null>(n).fill(null);
  const leftovers: number[] = [];
  let decidedCount = 0;
  for (let i = 0; i < n; i++) {
    const app = applications[i];
    const p = prepared[i];
    const kw = keywordScores[i];
    if (app === undefined || p === undefined || kw === undefined) continue;
    sims.fill(0);
    for (let a = 0; a < p.vector.ids.length; a++) {
      const base = (p.vector.ids[a] ?? 0) * F;
      const w = p.vector.weights[a] ?? 0;
      for (let fn = 0; fn < F; fn++) sims[fn] = (sims[fn] ?? 0) + w * (dense[base + fn] ?? 0);
    }
    const neighbourSims = dotAll(p.vector, decidedIndex);
    const neighbours = [...neighbourSims.entries()]
      .map(([j, similarity]) => ({ j, similarity }))
      // Only neighbours close enough to be evidence (a closer one also leans the application).
      .filter((x) => decidedIndexes[x.j] !== i && x.similarity >= NEIGHBOUR_EVIDENCE_SIMILARITY)
      .sort((a, b) => b.similarity - a.similarity || a.j - b.j)
      .slice(0, 3)
      .map(({ j, similarity }) => {
        const other = applications[decidedIndexes[j] ?? 0];
        return {
          applicationId: other?.id ?? 0,
          similarity: round(similarity),
          functionCode:
            other === undefined ? null : (decisionOf.get(other.id)?.functionCode ?? null),
        };
      });

    const decision = decisionOf.get(app.id);
    if (decision !== undefined) {
      decidedCount++;
      const fn =
        decision.functionCode === null ? undefined : functionIndex.get(decision.functionCode);
      const f = fn === undefined ? undefined : functions[fn];
      assignments[i] = {
        applicationId: app.id,
        clusterId:
          decision.kind === 'split'
            ? `split-${decision.group ?? app.id}`
            : (f?.code ?? `app-${app.id}`),
        functionCode: f?.code ?? null,
        sharedApplication: f?.sharedApplication ?? null,
        confidence: 1,
        decided: true,
        evidence: {
          terms: fn === undefined ? [] : (kw.terms.get(fn) ?? []),
          neighbours,
          profileSimilarity: fn === undefined ? 0 : round(sims[fn] ?? 0),
          runnerUp: null,
          decision: decision.kind,
        },
      };
      continue;
    }

    // A name that starts with a channel (a complaints service, a website) is that channel
    // whatever sector's words follow: their learned profile leans less.
    const channel = kw.lead !== null && channels.has(kw.lead);
    for (let fn = 0; fn < F; fn++)
      total[fn] =
        PROFILE_WEIGHT * (sims[fn] ?? 0) * (channel && fn !== kw.lead ? CHANNEL_PROFILE_FACTOR : 1);
    for (const [fn, score] of kw.scores)
      total[fn] = (total[fn] ?? 0) + score / (score + KEYWORD_HALF);
    if (kw.lead !== null) total[kw.lead] = (total[kw.lead] ?? 0) + LEAD_BONUS;
    for (const nb of neighbours) {
      if (nb.similarity < NEIGHBOUR_MIN_SIMILARITY || nb.functionCode === null) continue;
      const fn = functionIndex.get(nb.functionCode);
      if (fn !== undefined)
        total[fn] =
          (total[fn] ?? 0) + NEIGHBOUR_WEIGHT * (nb.similarity - NEIGHBOUR_MIN_SIMILARITY);
    }
    // The best two functions (ties: the earlier function).
    let best: { fn: number; score: number } | null = null;
    let second: { fn: number; score: number } | null = null;
    for (let fn = 0; fn < F; fn++) {
      const score = total[fn] ?? 0;
      if (score <= 0) continue;
      if (best === null || score > best.score) {
        second = best;
        best = { fn, score };
      } else if (second === null || score > second.score) second = { fn, score };
    }
    if (best === null || best.score < MIN_SCORE) {
      leftovers.push(i);
      continue;
    }
    // The level may move finance to the other finance function; its evidence is the same words.
    const scored = best.fn;
    best = { fn: byLevel(best.fn, app.central, p.fields), score: best.score };
    const f = functions[best.fn];
    if (f === undefined) continue;
    const margin = second === null ? 1 : (best.score - second.score) / best.score;
    assignments[i] = {
      applicationId: app.id,
      clusterId: f.code,
      functionCode: f.code,
      sharedApplication: f.sharedApplication,
      confidence: round(Math.min(1, best.score) * (0.5 + 0.5 * margin)),
      decided: false,
      evidence: {
        terms: kw.terms.get(best.fn) ?? kw.terms.get(scored) ?? [],
        neighbours,
        profileSimilarity: round(sims[best.fn] ?? 0),
        runnerUp:
          second === null
            ? null
            : { functionCode: functions[second.fn]?.code ?? '', score: round(second.score) },
        decision: null,
      },
    };
  }

  // 6. The rest, grouped among themselves.
  const groups = groupBySimilarity(
    leftovers.map((i) => prepared[i]?.vector ?? emptyVector()),
    df,
  );
  const groupNames = new Map<number, string>();
  leftovers.forEach((i, k) => {
    const app = applications[i];
    const group = groups.group[k] ?? k;
    if (app === undefined) return;
    let clusterId = groupNames.get(group);
    if (clusterId === undefined) {
      const first = applications[leftovers[groups.leader[group] ?? k] ?? i];
      clusterId = `other-${first?.id ?? app.id}`;
      groupNames.set(group, clusterId);
    }
    assignments[i] = {
      applicationId: app.id,
      clusterId,
      functionCode: null,
      sharedApplication: null,
      confidence: round(groups.similarity[k] ?? 0),
      decided: false,
      evidence: { terms: [], neighbours: [], profileSimilarity: 0, runnerUp: null, decision: null },
    };
  });

  return {
    assignments: assignments.filter((a): a is Assignment => a !== null),
    byFunction: n - leftovers.length - decidedCount,
    bySimilarity: leftovers.length,
    decided: decidedCount,
  };
}

/** A web address in a name ("sumbarprov.go.id", "www.bps.go.id"). */
const WEB_ADDRESS =
  /\b(?:www\.)?([a-z0-9-]+)(?:\.[a-z0-9-]+)*\.(?:go\.id|desa\.id|id|com|net|org)\b/i;

/** A name that is a web address names a website: "sumbarprov.go.id" -> "sumbarprov website". */
function siteName(name: string): string {
  return name.replace(WEB_ADDRESS, (_, first: string) => `${first} website`);
}

/** Words for a website that are no evidence on their own ("Portal Perizinan", "berbasis web"). */
const SITE_WORDS = new Set(['portal', 'web']);

/**
 * The words a name may use for its owner: the agency's name, its initials ("Badan Pusat Statistik"
 * -> bps) and ministries' short names ("Kemenkes", "Kementan").
 */
function ownerWords(agencyName: string): Set<string> {
  const words = textTokens(agencyName);
  const initials = agencyName
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 0 && !/^(dan|untuk|the|of)$/i.test(w))
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
  return new Set([...words, initials]);
}

/**
 * "Portal" or "Web" and nothing but generic, place and owner words ("Portal Pemprov Jatim", "Web
 * Kab. Deiyai", "Portal Kemenkes") is the agency's website.
 */
function websiteName(
  owner: ReadonlySet<string>,
  name: { tokens: string[]; groups: number[] },
): {
  tokens: string[];
  groups: number[];
} {
  if (
    !name.tokens.some((w) => SITE_WORDS.has(w)) ||
    !name.tokens.every((w) => isGenericWord(w) || owner.has(w) || /^kem(en|ko)[a-z]+$/.test(w))
  )
    return name;
  return {
    tokens: [...name.tokens, 'website'],
    groups: [...name.groups, (name.groups.at(-1) ?? 0) + 1],
  };
}

interface KeywordPhrase {
  words: string[];
  fn: number;
  term: string;
  weight: number;
  /** Names a unit ("dinas pertanian"): a hint wherever it is found, as in the unit field. */
  unitLike: boolean;
  /** Words of the keyword as written: what the longest match compares (see dropContainedHits). */
  writtenWords: number;
}

/**
 * Functions every agency runs for itself (personnel, correspondence, finance, complaints, its
 * website…). A name that starts with one of them names what the application does; sector words
 * after it say whose it is: "SIMPEG RSUD" and "Pengaduan Pelayanan RSUD" are personnel and
 * complaints systems of a hospital, not hospital systems.
 */
const CROSS_CUTTING = new Set([
  'hr-personnel',
  'attendance',
  'employee-performance',
  'payroll',
  'training',
  'e-office',
  'archives',
  'regional-finance',
  'planning-budgeting',
  'organisational-performance',
  'assets',
  'procurement',
  'internal-audit',
  'complaints',
  'public-information',
  'legal-documents',
  'website-portal',
  'statistics-data',
  'information-security',
  'fleet-management',
  'facility-booking',
  'satisfaction-survey',
  'citizen-portal',
]);
/**
 * Cross-cutting functions that are channels any sector's service is offered through: a complaints
 * service about a hospital, the website of the civil registry office, a survey of patients'
 * satisfaction ("Pengaduan Pelayanan RSUD", "Website Disdukcapil", "Survei Kepuasan Pasien").
 * Their sector words are the subject, never the function; back-office
 * leads are not channels ("Inventarisasi Tanah" is land records, "Pengawasan Penanaman Modal"
 * investment supervision). Levies are collected the same way by any sector's office: a text that
 * says "retribusi" leads with them (scoreKeywords).
 */
const CHANNELS = new Set([
  'complaints',
  'website-portal',
  'public-information',
  'satisfaction-survey',
  'citizen-portal',
  'levies',
]);
/** Words that name regional finance itself, not finance in general (roots, as in Prepared). */
const REGIONAL_FINANCE_WORDS = new Set(['daerah', 'apbd', 'sipd', 'bpkad', 'bpkd', 'blud']);
/** After a channel lead, other functions' learned-profile similarity counts this much. */
const CHANNEL_PROFILE_FACTOR = 0.6;
/** After a cross-cutting lead, other functions' hits in the name and the unit count this much. */
const QUALIFIER_FACTOR = 0.3;
/** Added to a cross-cutting lead function after the keyword scores saturate. */
const LEAD_BONUS = 0.2;

/** First words of keywords that name an organisational unit. */
const UNIT_WORDS = new Set(['dinas', 'badan', 'bagian', 'biro', 'kantor', 'uptd', 'direktorat']);

function scoreKeywords(
  fields: Record<EvidenceField, string[]>,
  rootedFields: Record<EvidenceField, string[]>,
  groups: Record<EvidenceField, number[]>,
  phrasesByFirst: ReadonlyMap<string, readonly KeywordPhrase[]>,
  rootPhrases: ReadonlyMap<string, readonly KeywordPhrase[]>,
  crossCutting: ReadonlySet<number>,
  levies: number,
): KeywordScores {
  // (function, term) -> the best field it was found in
  const found = new Map<
    string,
    { fn: number; term: string; field: EvidenceField; score: number }
  >();
  const perWord = new Map<
    string,
    { fn: number; term: string; field: EvidenceField; score: number }
  >();
  let headSeen = false;
  // A levy collected by a sector's office is a levy ("Tiket Wisata: penjualan tiket masuk objek
  // wisata sebagai retribusi"): the sector's words say whose it is, as after a channel's name.
  const levy =
    levies >= 0 && (fields.name.includes('retribusi') || fields.description.includes('retribusi'));
  // (A name that starts with a cross-cutting function overrides it below: "Pengaduan Retribusi".)
  let lead: number | null = levy ? levies : null;
  const firstContent = fields.name.findIndex((w) => !isGenericWord(w));
  for (const field of ['name', 'description', 'unit'] as const) {
    const words = fields[field];
    const roots = rootedFields[field];
    // One hit per function at each position: the best phrase starting there.
    const hitsAt: Map<number, KeywordHit>[] = [];
    for (let i = 0; i < words.length; i++) {
      const byWord = phrasesByFirst.get(words[i] ?? '') ?? [];
      // By root only for a derived word (mengadukan -> aduan): a bare word is matched as written,
      // so that umum does not match pengumuman nor pegawai kepegawaian.
      const byRoot = words[i] === roots[i] ? [] : (rootPhrases.get(roots[i] ?? '') ?? []);
      const here = new Map<number, KeywordHit>();
      for (const phrase of byWord.length === 0 ? byRoot : [...byWord, ...byRoot]) {
        if (phrase.words.length > 1 && !matchesAt(words, i, phrase.words)) continue;
        const score = phrase.weight * KEYWORD_FIELD_WEIGHT[phrase.unitLike ? 'unit' : field];
        const best = here.get(phrase.fn);
        if (best === undefined || best.score < score)
          here.set(phrase.fn, {
            term: phrase.term,
            score,
            end: i + phrase.words.length,
            writtenWords: phrase.writtenWords,
          });
      }
      hitsAt.push(here);
    }
    dropContainedHits(hitsAt, groups[field]);
    for (let i = 0; i < words.length; i++) {
      const here = hitsAt[i] ?? new Map<number, KeywordHit>();
      // Indonesian names put the head first ("Pengaduan Layanan Kesehatan" is a complaints
      // service about health): the first keyword found in the name counts more.
      const head = field === 'name' && here.size > 0 && !headSeen;
      if (head) headSeen = true;
      // The name starts with a keyword of a cross-cutting function: that is what it does.
      // (Or with a word decoded from it: "SiKeu RS", "e-Arsip Dinkes".)
      if (head && firstContent >= 0 && groups.name[i] === groups.name[firstContent]) {
        let best = -1;
        for (const [fn, hit] of here)
          if (best < 0 || hit.score > (here.get(best)?.score ?? 0)) best = fn;
        if (crossCutting.has(best)) lead = best;
      }
      for (const [fn, found0] of here) {
        let hit = head ? { ...found0, score: found0.score * HEAD_FACTOR } : found0;
        // Whose it is, not what it does (see CROSS_CUTTING); the description still counts fully.
        if (lead !== null && fn !== lead && !here.has(lead) && field !== 'description')
          hit = { ...hit, score: hit.score * QUALIFIER_FACTOR };
        // An acronym and the words it stands for come from one written word: one hit.
        const key = `${fn}|${field}|${groups[field][i] ?? i}`;
        const previous = perWord.get(key);
        if (previous === undefined || previous.score < hit.score)
          perWord.set(key, { fn, term: hit.term, field, score: hit.score });
      }
    }
  }
  // The same term in several places or fields counts once, where it weighs most.
  for (const hit of perWord.values()) {
    const key = `${hit.fn}|${hit.term}`;
    const previous = found.get(key);
    if (previous === undefined || previous.score < hit.score) found.set(key, hit);
  }
  // Per function and field: the best hit counts fully, the next half, the next a quarter… (an
  // acronym and the words it stands for, or a unit named after its function, are one piece of
  // evidence, not several).
  const byFunctionField = new Map<string, number[]>();
  const terms = new Map<number, Evidence['terms']>();
  for (const hit of found.values()) {
    const key = `${hit.fn}|${hit.field}`;
    let list = byFunctionField.get(key);
    if (list === undefined) byFunctionField.set(key, (list = []));
    list.push(hit.score);
    let termList = terms.get(hit.fn);
    if (termList === undefined) terms.set(hit.fn, (termList = []));
    termList.push({ term: hit.term, field: hit.field });
  }
  const scores = new Map<number, number>();
  for (const [key, hits] of byFunctionField) {
    const fn = Number(key.slice(0, key.indexOf('|')));
    const field = key.slice(key.indexOf('|') + 1) as EvidenceField;
    hits.sort((a, b) => b - a);
    let score = hits.reduce((sum, h, k) => sum + h / 2 ** k, 0);
    // The unit is a hint, not evidence: at most one hit's worth.
    if (field === 'unit') score = hits[0] ?? 0;
    scores.set(fn, (scores.get(fn) ?? 0) + score);
  }
  return { scores, terms, lead };
}

/** A keyword of one function found at a position of a field. */
interface KeywordHit {
  term: string;
  score: number;
  /** The position after its last word. */
  end: number;
  writtenWords: number;
}

/**
 * Longest match: a keyword found inside a longer keyword of another function is part of that
 * phrase, not evidence of its own ("kesehatan hewan" is animal health, not a clinic; "retribusi
 * sampah" is a levy, not waste management; "pelatihan kerja" is a job centre, not staff training).
 * Longer means more written words of the text (an acronym and its expansion are one), then more
 * words of the keyword as written (a keyword "dpmptsp", matched with the words it stands for,
 * is one word and does not swallow "penanaman modal" among them).
 */
function dropContainedHits(hitsAt: Map<number, KeywordHit>[], groups: readonly number[]): void {
  const textWords = (start: number, end: number) => {
    let count = 0;
    for (let k = start; k < end; k++) if (k === start || groups[k] !== groups[k - 1]) count++;
    return count;
  };
  const covering: { start: number; end: number; fn: number; text: number; written: number }[] = [];
  hitsAt.forEach((here, start) => {
    for (const [fn, hit] of here)
      if (hit.end - start > 1)
        covering.push({
          start,
          end: hit.end,
          fn,
          text: textWords(start, hit.end),
          written: hit.writtenWords,
        });
  });
  if (covering.length === 0) return;
  hitsAt.forEach((here, start) => {
    for (const [fn, hit] of here) {
      const text = textWords(start, hit.end);
      const inside = covering.some(
        (c) =>
          c.fn !== fn &&
          c.start <= start &&
          hit.end <= c.end &&
          (c.text > text || (c.text === text && c.written > hit.writtenWords)),
      );
      if (inside) here.delete(fn);
    }
  });
}

function matchesAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > words.length) return false;
  for (let k = 0; k < phrase.length; k++) if (words[at + k] !== phrase[k]) return false;
  return true;
}

/**
 * Leader clustering: in inventory order, each vector joins the group whose profile it is most
 * similar to (at least GROUP_MIN_SIMILARITY), found through an inverted index of the groups'
 * profiles, or starts a new group. Deterministic for a given order.
 */
function groupBySimilarity(
  vectors: readonly Vector[],
  df: readonly number[],
): { group: number[]; leader: number[]; similarity: number[] } {
  const group: number[] = [];
  const leader: number[] = [];
  const similarity: number[] = [];
  const profiles: Map<number, number>[] = [];
  const index = new Map<number, Set<number>>();
  vectors.forEach((v, k) => {
    const scores = new Map<number, number>();
    for (let a = 0; a < v.ids.length; a++) {
      const id = v.ids[a] ?? 0;
      if ((df[id] ?? 0) > BLOCKING_MAX_DF) continue;
      for (const g of index.get(id) ?? []) scores.set(g, 0);
    }
    let best = -1;
    let bestSim = 0;
    for (const g of scores.keys()) {
      const sim = cosine(v, profiles[g] ?? new Map());
      if (sim > bestSim || (sim === bestSim && g < best)) {
        best = g;
        bestSim = sim;
      }
    }
    if (best < 0 || bestSim < GROUP_MIN_SIMILARITY) {
      best = profiles.length;
      bestSim = 1;
      profiles.push(new Map());
      leader.push(k);
    }
    const profile = profiles[best] ?? new Map<number, number>();
    for (let a = 0; a < v.ids.length; a++) {
      const id = v.ids[a] ?? 0;
      addTo(profile, id, v.weights[a] ?? 0);
      let set = index.get(id);
      if (set === undefined) index.set(id, (set = new Set()));
      set.add(best);
    }
    group.push(best);
  });
  // Confidence: the similarity to the final profile of the group; none for a group of one.
  const sizes = new Map<number, number>();
  for (const g of group) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  vectors.forEach((v, k) => {
    const g = group[k] ?? 0;
    similarity.push((sizes.get(g) ?? 0) < 2 ? 0 : cosine(v, profiles[g] ?? new Map()));
  });
  return { group, leader, similarity };
}

function cosine(v: Vector, profile: ReadonlyMap<number, number>): number {
  let dot = 0;
  let norm = 0;
  for (const w of profile.values()) norm += w * w;
  if (norm === 0) return 0;
  for (let a = 0; a < v.ids.length; a++)
    dot += (v.weights[a] ?? 0) * (profile.get(v.ids[a] ?? 0) ?? 0);
  return dot / Math.sqrt(norm);
}

function toVector(weights: ReadonlyMap<number, number>, idf: readonly number[]): Vector {
  const ids = [...weights.keys()].filter((id) => id >= 0).sort((a, b) => a - b);
  const values = ids.map((id) => (1 + Math.log(weights.get(id) ?? 1)) * (idf[id] ?? 1));
  const norm = Math.sqrt(values.reduce((s, x) => s + x * x, 0)) || 1;
  return { ids: Int32Array.from(ids), weights: Float64Array.from(values.map((x) => x / norm)) };
}

function emptyVector(): Vector {
  return { ids: new Int32Array(0), weights: new Float64Array(0) };
}

function vectorMap(v: Vector | undefined): Map<number, number> {
  const m = new Map<number, number>();
  if (v !== undefined)
    for (let a = 0; a < v.ids.length; a++) m.set(v.ids[a] ?? 0, v.weights[a] ?? 0);
  return m;
}

function normalise(m: Map<number, number>): Map<number, number> {
  let norm = 0;
  for (const w of m.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return m;
  const out = new Map<number, number>();
  for (const [id, w] of m) out.set(id, w / norm);
  return out;
}

/** feature -> list of (row, weight) over the given sparse rows. */
function invert(
  rows: readonly Map<number, number>[],
): Map<number, { row: number; weight: number }[]> {
  const index = new Map<number, { row: number; weight: number }[]>();
  rows.forEach((m, row) => {
    for (const [id, weight] of m) {
      let list = index.get(id);
      if (list === undefined) index.set(id, (list = []));
      list.push({ row, weight });
    }
  });
  return index;
}

/** Dot products of one vector with every row of an inverted index that shares a feature. */
function dotAll(
  v: Vector,
  index: ReadonlyMap<number, readonly { row: number; weight: number }[]>,
): Map<number, number> {
  const out = new Map<number, number>();
  for (let a = 0; a < v.ids.length; a++) {
    const list = index.get(v.ids[a] ?? 0);
    if (list === undefined) continue;
    const w = v.weights[a] ?? 0;
    for (const { row, weight } of list) out.set(row, (out.get(row) ?? 0) + w * weight);
  }
  return out;
}

function topTwo(
  scores: ReadonlyMap<number, number>,
): [{ fn: number; score: number } | null, { fn: number; score: number } | null] {
  let best: { fn: number; score: number } | null = null;
  let second: { fn: number; score: number } | null = null;
  for (const [fn, score] of scores) {
    if (best === null || score > best.score || (score === best.score && fn < best.fn)) {
      second = best;
      best = { fn, score };
    } else if (
      second === null ||
      score > second.score ||
      (score === second.score && fn < second.fn)
    ) {
      second = { fn, score };
    }
  }
  return [best, second];
}

function addTo(m: Map<number, number>, key: number, value: number): void {
  m.set(key, (m.get(key) ?? 0) + value);
}

function addAll(set: Set<string>, words: readonly string[]): void {
  for (const w of words) set.add(w);
}

/**
 * Two decimals: what officials read (a percentage), and coarse enough that one decision does not
 * nudge the figures of thousands of unrelated applications (each of which would be rewritten).
 */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Whether two assignments say the same (for writing only what a re-run changed). */
export function sameAssignment(a: Assignment, b: Assignment): boolean {
  if (
    a.applicationId !== b.applicationId ||
    a.clusterId !== b.clusterId ||
    a.functionCode !== b.functionCode ||
    a.sharedApplication !== b.sharedApplication ||
    a.confidence !== b.confidence ||
    a.decided !== b.decided
  )
    return false;
  const x = a.evidence;
  const y = b.evidence;
  return (
    x.profileSimilarity === y.profileSimilarity &&
    x.decision === y.decision &&
    x.runnerUp?.functionCode === y.runnerUp?.functionCode &&
    x.runnerUp?.score === y.runnerUp?.score &&
    x.terms.length === y.terms.length &&
    x.terms.every((t, k) => t.term === y.terms[k]?.term && t.field === y.terms[k]?.field) &&
    x.neighbours.length === y.neighbours.length &&
    x.neighbours.every(
      (n, k) =>
        n.applicationId === y.neighbours[k]?.applicationId &&
        n.similarity === y.neighbours[k]?.similarity &&
        n.functionCode === y.neighbours[k]?.functionCode,
    )
  );
}

/**
 * Whether an acronym only abbreviates the name beside it ("SIPD" for "Sistem Informasi Pajak
 * Daerah"): it then says nothing more, and must not be read as the well-known application of the
 * same letters (SIPD, Kemendagri's planning and budgeting system).
 */
export function isInitialsOf(acronym: string, name: string): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2) return false;
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const initials = words.map((w) => w[0]?.toLowerCase() ?? '').join('');
  // All words, or the capitalised ones ("Sistem Informasi dan Pelayanan ..." -> SIP...)
  const capitals = words
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0]?.toLowerCase() ?? '')
    .join('');
  return letters === initials || letters === capitals;
}
