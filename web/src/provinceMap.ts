import { getStaticJson } from './api';

/** Served from web/public/maps; its source and licence (CC BY 4.0) are credited in the footer. */
const PROVINCE_MAP_URL = '/maps/indonesia-38-provinces.topo.json';
/** Width of the projected map in SVG user units; the height follows from the country's shape. */
const MAP_WIDTH = 1000;
/** Room around the map for the borders drawn on its edges. */
const MARGIN = 3;

type Position = [number, number];

/** The part of TopoJSON the province file uses: quantised arcs, polygons and multipolygons. */
interface Topology {
  type: 'Topology';
  transform?: { scale: Position; translate: Position };
  arcs: Position[][];
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
}

type TopoGeometry = { id?: string; properties?: { KODE_PROV?: string; PROVINSI?: string } } & (
  { type: 'Polygon'; arcs: number[][] } | { type: 'MultiPolygon'; arcs: number[][][] }
);

export interface ProvinceShape {
  /** Kemendagri province code, e.g. '34'. */
  code: string;
  name: string;
  /** SVG path data in the map's coordinates. */
  path: string;
}

export interface ProvinceMap {
  width: number;
  height: number;
  provinces: ProvinceShape[];
}

function isTopology(value: unknown): value is Topology {
  if (typeof value !== 'object' || value === null) return false;
  const topology = value as Partial<Topology>;
  return topology.type === 'Topology' && Array.isArray(topology.arcs) && !!topology.objects;
}

/** Arcs in longitude and latitude: quantised positions are deltas from the previous one. */
function decodeArcs(topology: Topology): Position[][] {
  const { transform } = topology;
  if (!transform) return topology.arcs;
  const [kx, ky] = transform.scale;
  const [dx, dy] = transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([ax, ay]): Position => {
      x += ax;
      y += ay;
      return [x * kx + dx, y * ky + dy];
    });
  });
}

/** A ring's positions: arc i as stored, arc ~i reversed, each arc's first position shared with the last. */
function ringPositions(arcs: Position[][], ring: number[]): Position[] {
  const positions: Position[] = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcs[index] : arcs[~index]?.slice().reverse();
    if (!arc) throw new Error(`The province map refers to a missing arc ${index}`);
    positions.push(...(positions.length === 0 ? arc : arc.slice(1)));
  }
  return positions;
}

/**
 * Decodes the province TopoJSON into SVG paths, projected equirectangularly (Indonesia straddles
 * the equator, so degrees of longitude and latitude are nearly the same length).
 */
export function provinceMapFromTopology(value: unknown): ProvinceMap {
  if (!isTopology(value)) throw new Error('The province map is not a TopoJSON topology');
  const arcs = decodeArcs(value);
  const geometries = Object.values(value.objects).flatMap((object) => object.geometries ?? []);
  const polygonsOf = (geometry: TopoGeometry) =>
    geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;

  const rings = geometries.map((geometry) =>
    polygonsOf(geometry).flatMap((polygon) => polygon.map((ring) => ringPositions(arcs, ring))),
  );
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of rings.flat(2)) {
    [west, east] = [Math.min(west, x), Math.max(east, x)];
    [south, north] = [Math.min(south, y), Math.max(north, y)];
  }
  const scale = MAP_WIDTH / (east - west);
  const point = ([x, y]: Position) =>
    `${(MARGIN + (x - west) * scale).toFixed(1)},${(MARGIN + (north - y) * scale).toFixed(1)}`;

  const provinces = geometries.map((geometry, i): ProvinceShape => {
    const code = geometry.properties?.KODE_PROV ?? String(geometry.id ?? '');
    const path = (rings[i] ?? [])
      .map((ring) => {
        // Neighbouring positions often round to the same point: draw it once.
        const points = ring.map(point).filter((p, j, list) => j === 0 || p !== list[j - 1]);
        return `M${points.join('L')}Z`;
      })
      .join('');
    return { code, name: geometry.properties?.PROVINSI ?? code, path };
  });
  const height = Math.ceil((north - south) * scale);
  return { width: MAP_WIDTH + 2 * MARGIN, height: height + 2 * MARGIN, provinces };
}

let loaded: ProvinceMap | undefined;

/** The decoded map, fetched once per page load (a failed or aborted fetch is tried again). */
export async function loadProvinceMap(signal: AbortSignal): Promise<ProvinceMap> {
  loaded ??= provinceMapFromTopology(await getStaticJson(PROVINCE_MAP_URL, signal));
  return loaded;
}
