/**
 * `npm run validate` — checks manifests/manifest.xml offline, in two parts:
 * 1. the XML schema, with xmllint and the XSDs in ../shared/office-schemas (Microsoft's 1.1 schemas);
 * 2. structural checks the schemas cannot express: every resid resolves to a resource of the right kind,
 *    every string has a zh-CN default and an en-US override within the length limits, every URL is https
 *    on the task pane's origin, every icon exists in addin/assets at the size it is declared, the top-level
 *    element order, and the ExcelApi floor (1.7).
 * Exit 0 when both pass, 1 when the manifest has problems, 2 when a check could not run (xmllint missing).
 *
 * `npm run validate:online` additionally posts the manifest to Microsoft's validation service
 * (office-addin-manifest validate); it needs the network and is optional.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pngSize } from './make-icons';
import { parseXml, walk, XmlSyntaxError, type XmlElement } from './xml';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST = path.join(REPO, 'manifests/manifest.xml');
export const ASSETS = path.join(REPO, 'addin/assets');
export const SCHEMA = path.resolve(REPO, '../shared/office-schemas/OfficeAppManifestV1_1.xsd');

const NS_APP = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const NS_OV = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const NS_BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';

/** The manifest's default language and the one override every string must have. */
export const DEFAULT_LOCALE = 'zh-CN';
export const OVERRIDE_LOCALE = 'en-US';
/** The ExcelApi floor: getRangeByIndexes and freezePanes are 1.7, and Office 2019 stops at 1.7. */
export const EXCEL_API_FLOOR = '1.7';
const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;

/**
 * The order the schema enforces for OfficeApp's children (office-notes.md). The structural check only
 * needs the relative order of the elements present.
 */
export const TOP_LEVEL_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
] as const;

export type ProblemCode =
  | 'XML_SYNTAX'
  | 'NOT_TASKPANE_APP'
  | 'ELEMENT_ORDER'
  | 'MISSING_ELEMENT'
  | 'BAD_ID'
  | 'DEFAULT_LOCALE'
  | 'RESID_UNRESOLVED'
  | 'RESID_WRONG_KIND'
  | 'RESID_TOO_LONG'
  | 'RESOURCE_DUPLICATE'
  | 'RESOURCE_UNUSED'
  | 'STRING_NO_DEFAULT'
  | 'STRING_NO_OVERRIDE'
  | 'STRING_TOO_LONG'
  | 'URL_NOT_HTTPS'
  | 'URL_OTHER_ORIGIN'
  | 'ICON_MISSING'
  | 'ICON_SIZE'
  | 'REQUIREMENT_FLOOR'
  | 'PERMISSIONS';

export interface Problem {
  readonly code: ProblemCode;
  /** 1-based line in the manifest, when the problem has one place. */
  readonly line?: number;
  readonly message: string;
}

export interface CheckOptions {
  /** Folder the icon URLs' `/assets/<file>` paths map to. */
  readonly assetsDir: string;
  /** Read an asset (for its PNG size); null when it does not exist. */
  readonly readAsset?: (file: string) => Uint8Array | null;
}

type ResourceKind = 'image' | 'url' | 'short' | 'long';

/** Which resource kind a `resid` on an element of this name must point to (TaskPaneAppVersionOverrides 1.0). */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: 'image',
  SourceLocation: 'url',
  FunctionFile: 'url',
  LearnMoreUrl: 'url',
  Label: 'short',
  Title: 'short',
  Description: 'long',
};

const child = (el: XmlElement | undefined, name: string, ns?: string): XmlElement | undefined =>
  el?.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));

const defaultReadAsset =
  (dir: string) =>
  (file: string): Uint8Array | null => {
    const p = path.join(dir, file);
    return existsSync(p) ? readFileSync(p) : null;
  };

/** Structural checks on the manifest text; an empty list means it passed. */
export function checkManifest(xml: string, options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (code: ProblemCode, message: string, line?: number): void => {
    problems.push(line === undefined ? { code, message } : { code, message, line });
  };
  const readAsset = options.readAsset ?? defaultReadAsset(options.assetsDir);

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      add('XML_SYNTAX', e.message, e.line);
      return problems;
    }
    throw e;
  }
  if (root.ns !== NS_APP || root.name !== 'OfficeApp' || root.attrs['xsi:type'] !== 'TaskPaneApp') {
    add('NOT_TASKPANE_APP', 'the root must be <OfficeApp xsi:type="TaskPaneApp"> in the appforoffice/1.1 namespace', root.line);
    return problems;
  }

  // Top-level order and required elements.
  let last = -1;
  for (const c of root.children) {
    const i = (TOP_LEVEL_ORDER as readonly string[]).indexOf(c.name);
    if (i < 0) continue; // unknown elements are the XSD's business
    if (i < last) add('ELEMENT_ORDER', `<${c.name}> must come before <${TOP_LEVEL_ORDER[last]}>`, c.line);
    last = Math.max(last, i);
  }
  for (const name of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides']) {
    if (!child(root, name, name === 'VersionOverrides' ? NS_OV : NS_APP)) add('MISSING_ELEMENT', `<${name}> is missing`, root.line);
  }

  const id = child(root, 'Id', NS_APP);
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text)) {
    add('BAD_ID', `<Id> must be a GUID, not "${id.text}"`, id.line);
  }
  const locale = child(root, 'DefaultLocale', NS_APP);
  if (locale && locale.text !== DEFAULT_LOCALE) add('DEFAULT_LOCALE', `<DefaultLocale> must be ${DEFAULT_LOCALE}, not ${locale.text}`, locale.line);
  const permissions = child(root, 'Permissions', NS_APP);
  if (permissions && permissions.text !== 'ReadWriteDocument') {
    add('PERMISSIONS', `<Permissions> must be ReadWriteDocument (the add-in writes output sheets), not ${permissions.text}`, permissions.line);
  }

  // Strings: the DefaultValue (zh-CN) and an en-US Override, within the limit.
  const checkString = (el: XmlElement, what: string, max: number): void => {
    const value = el.attrs['DefaultValue'];
    if (value === undefined || value.trim() === '') add('STRING_NO_DEFAULT', `${what} has no ${DEFAULT_LOCALE} DefaultValue`, el.line);
    else if ([...value].length > max) add('STRING_TOO_LONG', `${what}: DefaultValue has ${[...value].length} characters (max ${max})`, el.line);
    const overrides = el.children.filter((c) => c.name === 'Override');
    const en = overrides.find((o) => o.attrs['Locale'] === OVERRIDE_LOCALE);
    if (!en || (en.attrs['Value'] ?? '').trim() === '') add('STRING_NO_OVERRIDE', `${what} has no ${OVERRIDE_LOCALE} Override`, el.line);
    for (const o of overrides) {
      const v = o.attrs['Value'] ?? '';
      if ([...v].length > max) add('STRING_TOO_LONG', `${what}: ${o.attrs['Locale'] ?? '?'} Override has ${[...v].length} characters (max ${max})`, o.line);
    }
  };
  const displayName = child(root, 'DisplayName', NS_APP);
  if (displayName) checkString(displayName, '<DisplayName>', SHORT_MAX);
  const description = child(root, 'Description', NS_APP);
  if (description) checkString(description, '<Description>', LONG_MAX);

  // The origin every URL must share: the task pane's.
  const source = child(child(root, 'DefaultSettings', NS_APP), 'SourceLocation', NS_APP);
  let origin: string | null = null;
  const sourceValue = source?.attrs['DefaultValue'];
  if (!source || sourceValue === undefined) add('MISSING_ELEMENT', '<DefaultSettings><SourceLocation DefaultValue=…> is missing', root.line);
  else {
    try {
      origin = new URL(sourceValue).origin;
    } catch {
      add('URL_NOT_HTTPS', `SourceLocation "${sourceValue}" is not a URL`, source.line);
    }
  }
  const checkUrl = (url: string, what: string, line: number, sameOrigin = true): URL | null => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      add('URL_NOT_HTTPS', `${what}: "${url}" is not a URL`, line);
      return null;
    }
    if (u.protocol !== 'https:') add('URL_NOT_HTTPS', `${what}: "${url}" must use https`, line);
    else if (sameOrigin && origin !== null && u.origin !== origin) add('URL_OTHER_ORIGIN', `${what}: "${url}" is not on the task pane's origin ${origin}`, line);
    return u;
  };
  /** `size` null: any size; `reportMissing` false where the resource itself already reported the file. */
  const checkIcon = (u: URL | null, what: string, line: number, size: number | null, reportMissing = true): void => {
    if (u === null || origin === null || u.origin !== origin) return;
    const m = /^\/assets\/([^/]+)$/.exec(u.pathname);
    if (!m?.[1]) {
      add('ICON_MISSING', `${what}: "${u.href}" is not under /assets/ (the dev server serves addin/assets there)`, line);
      return;
    }
    const bytes = readAsset(m[1]);
    if (bytes === null) {
      if (reportMissing) add('ICON_MISSING', `${what}: addin/assets/${m[1]} does not exist`, line);
      return;
    }
    const dims = pngSize(bytes);
    if (dims === null) add('ICON_SIZE', `${what}: addin/assets/${m[1]} is not a PNG`, line);
    else if (size !== null && (dims.width !== size || dims.height !== size)) {
      add('ICON_SIZE', `${what}: addin/assets/${m[1]} is ${dims.width}×${dims.height}, declared ${size}×${size}`, line);
    }
  };
  if (source && sourceValue !== undefined) checkUrl(sourceValue, 'SourceLocation', source.line);
  for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64], ['SupportUrl', null]] as const) {
    const el = child(root, name, NS_APP);
    const v = el?.attrs['DefaultValue'];
    if (!el || v === undefined) continue;
    const u = checkUrl(v, `<${name}>`, el.line);
    if (size !== null) checkIcon(u, `<${name}>`, el.line, size);
    for (const o of el.children.filter((c) => c.name === 'Override')) {
      const ou = checkUrl(o.attrs['Value'] ?? '', `<${name}> ${o.attrs['Locale'] ?? '?'} Override`, o.line);
      if (size !== null) checkIcon(ou, `<${name}> ${o.attrs['Locale'] ?? '?'} Override`, o.line, size);
    }
  }
  for (const d of child(root, 'AppDomains', NS_APP)?.children ?? []) checkUrl(d.text, '<AppDomain>', d.line, false);

  // Requirements: ExcelApi at the floor, here and in VersionOverrides.
  const sets = child(child(root, 'Requirements', NS_APP), 'Sets', NS_APP);
  const excel = sets?.children.find((s) => s.name === 'Set' && s.attrs['Name'] === 'ExcelApi');
  if (!excel) add('REQUIREMENT_FLOOR', `<Requirements> must require the ExcelApi set at MinVersion ${EXCEL_API_FLOOR}`, sets?.line ?? root.line);
  else if (excel.attrs['MinVersion'] !== EXCEL_API_FLOOR) {
    add('REQUIREMENT_FLOOR', `ExcelApi MinVersion is ${excel.attrs['MinVersion'] ?? '(none)'}; the floor is ${EXCEL_API_FLOOR} (newer APIs are feature-detected)`, excel.line);
  }

  const vo = child(root, 'VersionOverrides', NS_OV);
  if (!vo) return problems;
  const voRequirements = child(vo, 'Requirements', NS_OV);
  for (const s of voRequirements ? walk(voRequirements) : []) {
    if (s.name === 'Set' && s.attrs['Name'] === 'ExcelApi' && s.attrs['MinVersion'] !== EXCEL_API_FLOOR) {
      add('REQUIREMENT_FLOOR', `VersionOverrides requires ExcelApi ${s.attrs['MinVersion'] ?? '(none)'}; the floor is ${EXCEL_API_FLOOR}`, s.line);
    }
  }

  // Resources by id, with their kind.
  const resources = new Map<string, { kind: ResourceKind; el: XmlElement }>();
  const res = child(vo, 'Resources', NS_OV);
  const groups: [string, string, ResourceKind][] = [
    ['Images', 'Image', 'image'],
    ['Urls', 'Url', 'url'],
    ['ShortStrings', 'String', 'short'],
    ['LongStrings', 'String', 'long'],
  ];
  for (const [group, item, kind] of groups) {
    for (const el of child(res, group, NS_BT)?.children ?? []) {
      if (el.name !== item || el.ns !== NS_BT) continue;
      const rid = el.attrs['id'] ?? '';
      if (resources.has(rid)) add('RESOURCE_DUPLICATE', `resource id "${rid}" is defined twice`, el.line);
      resources.set(rid, { kind, el });
      if ([...rid].length > RESID_MAX) add('RESID_TOO_LONG', `resource id "${rid}" is longer than ${RESID_MAX} characters`, el.line);
      if (kind === 'short' || kind === 'long') checkString(el, `bt:String "${rid}"`, kind === 'short' ? SHORT_MAX : LONG_MAX);
      else {
        const v = el.attrs['DefaultValue'] ?? '';
        const u = checkUrl(v, `bt:${item} "${rid}"`, el.line);
        for (const o of el.children.filter((c) => c.name === 'Override')) checkUrl(o.attrs['Value'] ?? '', `bt:${item} "${rid}" ${o.attrs['Locale'] ?? '?'} Override`, o.line);
        if (kind === 'image') checkIcon(u, `bt:Image "${rid}"`, el.line, null);
      }
    }
  }

  // Every resid resolves, to the right kind; icon sizes as declared at the reference.
  const used = new Set<string>();
  for (const el of walk(child(vo, 'Hosts', NS_OV) ?? vo)) {
    const rid = el.attrs['resid'];
    if (rid === undefined) continue;
    used.add(rid);
    if ([...rid].length > RESID_MAX) add('RESID_TOO_LONG', `resid "${rid}" is longer than ${RESID_MAX} characters`, el.line);
    const target = resources.get(rid);
    if (!target) {
      add('RESID_UNRESOLVED', `<${el.name} resid="${rid}"> has no resource with that id`, el.line);
      continue;
    }
    const want = RESID_KIND[el.name];
    if (want !== undefined && want !== target.kind) {
      add('RESID_WRONG_KIND', `<${el.name} resid="${rid}"> must point to a ${want} resource, not a ${target.kind} one`, el.line);
    }
    const size = el.name === 'Image' ? Number(el.attrs['size']) : NaN;
    if (target.kind === 'image' && Number.isFinite(size)) {
      const v = target.el.attrs['DefaultValue'] ?? '';
      let u: URL | null = null;
      try {
        u = new URL(v);
      } catch {
        u = null; // already reported with the resource
      }
      checkIcon(u, `<bt:Image size="${size}" resid="${rid}">`, el.line, size, false);
    }
  }
  for (const [rid, { el }] of resources) {
    if (!used.has(rid)) add('RESOURCE_UNUSED', `resource "${rid}" is never referenced`, el.line);
  }
  return problems;
}

export type XsdResult =
  | { readonly status: 'valid'; readonly output: string }
  | { readonly status: 'invalid'; readonly output: string }
  | { readonly status: 'unavailable'; readonly output: string };

const XMLLINT_HINT =
  'xmllint 未安装 / xmllint is not installed: apt-get install -y libxml2-utils (Debian/Ubuntu), ' +
  'brew install libxml2 (macOS); on Windows use WSL or skip to `npm run validate:online`.';

/** Validate `file` against Microsoft's manifest XSD with xmllint. */
export function checkXsd(file: string, schema = SCHEMA): XsdResult {
  if (!existsSync(schema)) {
    return { status: 'unavailable', output: `the schemas are not at ${schema} (expected ../shared/office-schemas beside the repository)` };
  }
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
  if (run.error) {
    const missing = (run.error as NodeJS.ErrnoException).code === 'ENOENT';
    return { status: 'unavailable', output: missing ? XMLLINT_HINT : String(run.error) };
  }
  const output = `${run.stdout}${run.stderr}`.trim();
  return { status: run.status === 0 ? 'valid' : 'invalid', output };
}

function main(): number {
  const file = process.argv[2] ? path.resolve(process.argv[2]) : MANIFEST;
  const rel = path.relative(process.cwd(), file);
  console.log(`1. XML schema (xmllint, ${path.relative(process.cwd(), SCHEMA)})`);
  const xsd = checkXsd(file);
  console.log(`   ${xsd.output.split('\n').join('\n   ')}`);
  console.log('2. structural checks');
  const problems = checkManifest(readFileSync(file, 'utf8'), { assetsDir: ASSETS });
  for (const p of problems) console.log(`   ${rel}:${p.line ?? 1}  ${p.code}  ${p.message}`);
  if (problems.length === 0) console.log('   ok: every resid resolved, zh-CN + en-US strings, https same-origin URLs, icons present, ExcelApi 1.7');
  if (xsd.status === 'invalid' || problems.length > 0) {
    console.log(`${rel}: INVALID`);
    return 1;
  }
  if (xsd.status === 'unavailable') {
    console.log(`${rel}: structural checks passed, but the XML schema check could not run (see above)`);
    return 2;
  }
  console.log(`${rel}: valid`);
  return 0;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) process.exitCode = main();
