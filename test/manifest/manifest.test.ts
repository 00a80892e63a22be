// The manifest checks of `npm run validate`, on the real manifest and on broken copies of it: each kind
// of break must be caught by its code (not by message text).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePng, drawIcon, pngSize } from '../../scripts/make-icons';
import { ASSETS, checkManifest, checkXsd, MANIFEST, SCHEMA, type ProblemCode } from '../../scripts/validate-manifest';
import { parseXml, XmlSyntaxError } from '../../scripts/xml';

const real = readFileSync(MANIFEST, 'utf8');
const check = (xml: string) => checkManifest(xml, { assetsDir: ASSETS });
const codes = (xml: string): ProblemCode[] => check(xml).map((p) => p.code);

/** Replace exactly one occurrence, so a test cannot pass because its edit silently missed. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const hits = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  expect(hits, `edit target ${String(from)}`).toBe(1);
  return xml.replace(from, to);
}

function writeTemp(xml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'manifest-')), 'manifest.xml');
  writeFileSync(file, xml);
  return file;
}

const hasXmllint = spawnSync('xmllint', ['--version']).error === undefined;
/** The XSDs live beside the repository (../shared/office-schemas), not in it. */
const hasSchemas = existsSync(SCHEMA);

describe('manifest structural checks', () => {
  it('pass on manifests/manifest.xml', () => {
    expect(check(real)).toEqual([]);
  });

  it('the real manifest has what the issue asks for', () => {
    const root = parseXml(real);
    const names = root.children.map((c) => c.name);
    expect(names).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ]);
    expect(real).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(real).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(real).toContain('<OfficeTab id="TabHome">');
    expect(real).toContain('<Action xsi:type="ShowTaskpane">');
    expect(real).not.toContain('http://localhost');
  });

  it('catch a missing en-US override (bt:String and DisplayName)', () => {
    const noButtonEn = edit(real, '<bt:Override Locale="en-US" Value="Rating Pane"/>', '');
    expect(check(noButtonEn)).toContainEqual(expect.objectContaining({ code: 'STRING_NO_OVERRIDE', message: expect.stringContaining('TaskpaneButton.Label') }));
    const noNameEn = edit(real, '<Override Locale="en-US" Value="Branch Rating"/>', '<Override Locale="fr-FR" Value="Notation"/>');
    expect(codes(noNameEn)).toEqual(['STRING_NO_OVERRIDE']);
  });

  it('catch a dangling resid, and one that points to the wrong kind of resource', () => {
    const dangling = edit(real, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Missing"/>');
    // The URL it used to point to is now unused, which is reported too.
    expect(codes(dangling).sort()).toEqual(['RESID_UNRESOLVED', 'RESOURCE_UNUSED']);
    const wrongKind = edit(real, '<Title resid="Taskpane.Title"/>', '<Title resid="TaskpaneButton.Tooltip"/>');
    expect(codes(wrongKind)).toEqual(expect.arrayContaining(['RESID_WRONG_KIND', 'RESOURCE_UNUSED']));
  });

  it('catch an http URL and a URL on another origin', () => {
    const http = edit(real, '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>', '<bt:Url id="Taskpane.Url" DefaultValue="http://localhost:3000/taskpane.html"/>');
    expect(check(http)).toContainEqual(expect.objectContaining({ code: 'URL_NOT_HTTPS', message: expect.stringContaining('Taskpane.Url') }));
    const other = edit(real, 'DefaultValue="https://localhost:3000/assets/icon-32.png"/>\n  <HighRes', 'DefaultValue="https://cdn.example.com/icon-32.png"/>\n  <HighRes');
    expect(codes(other)).toEqual(['URL_OTHER_ORIGIN']);
  });

  it('catch strings over the limits (ShortString 125, LongString 250), counted in characters', () => {
    const long = edit(real, 'DefaultValue="评定面板"', `DefaultValue="${'评'.repeat(126)}"`);
    expect(codes(long)).toEqual(['STRING_TOO_LONG']);
    const atLimit = edit(real, 'DefaultValue="评定面板"', `DefaultValue="${'评'.repeat(125)}"`);
    expect(codes(atLimit)).toEqual([]);
    const tip = edit(real, 'Value="Open the Branch Rating task pane', `Value="${'x'.repeat(200)} Open the Branch Rating task pane`);
    expect(codes(tip)).toEqual(['STRING_TOO_LONG']);
  });

  it('catch a missing default value, a wrong DefaultLocale and a resid longer than 32 characters', () => {
    expect(codes(edit(real, '<DefaultLocale>zh-CN</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'))).toEqual(['DEFAULT_LOCALE']);
    expect(codes(edit(real, '<bt:String id="Taskpane.Title" DefaultValue="支部评定">', '<bt:String id="Taskpane.Title" DefaultValue=" ">'))).toEqual(['STRING_NO_DEFAULT']);
    const longId = real.replaceAll('TaskpaneButton.Tooltip', 'BranchRating.TaskpaneButton.Tooltip');
    expect(codes(longId)).toEqual(['RESID_TOO_LONG', 'RESID_TOO_LONG']);
  });

  it('catch a missing icon file and an icon of the wrong size', () => {
    expect(codes(real.replaceAll('icon-80.png', 'icon-81.png'))).toEqual(['ICON_MISSING']);
    // icon-64.png declared as the 80-pixel image everywhere it is used (two Icon lists).
    expect(codes(real.replaceAll('assets/icon-80.png', 'assets/icon-64.png'))).toEqual(['ICON_SIZE', 'ICON_SIZE']);
    const noFiles = checkManifest(real, { assetsDir: ASSETS, readAsset: () => null });
    expect(new Set(noFiles.map((p) => p.code))).toEqual(new Set(['ICON_MISSING']));
  });

  it('catch a Requirements floor other than ExcelApi 1.7', () => {
    expect(codes(edit(real, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.8"/>'))).toEqual(['REQUIREMENT_FLOOR']);
    expect(codes(edit(real, '<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="SharedRuntime" MinVersion="1.1"/>'))).toEqual(['REQUIREMENT_FLOOR']);
  });

  it('catch top-level elements out of order and missing ones', () => {
    const swapped = edit(real, /  <Version>0\.1\.0\.0<\/Version>\n  <ProviderName>branch-rating<\/ProviderName>\n/, '  <ProviderName>branch-rating</ProviderName>\n  <Version>0.1.0.0</Version>\n');
    expect(codes(swapped)).toEqual(['ELEMENT_ORDER']);
    expect(codes(edit(real, '<Permissions>ReadWriteDocument</Permissions>', ''))).toEqual(['MISSING_ELEMENT']);
    expect(codes(edit(real, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'))).toEqual(['PERMISSIONS']);
  });

  it('report malformed XML with its line', () => {
    const broken = edit(real, '</DisplayName>', '</Display>');
    const problems = check(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'XML_SYNTAX', line: 26 });
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')).toThrow(XmlSyntaxError);
  });
});

describe('manifest XML schema (xmllint + ../shared/office-schemas)', () => {
  // Like LibreOffice and Chromium, xmllint is a system package the tests need (.ci/run installs it): a
  // missing tool or schema folder fails here rather than passing without a check.
  it('accepts the real manifest and rejects one without <Version> or with a resid over 32 characters', () => {
    expect(hasSchemas, `the XSDs must be at ${SCHEMA}`).toBe(true);
    expect(hasXmllint, 'xmllint is needed: apt-get install -y libxml2-utils').toBe(true);
    const result = checkXsd(MANIFEST);
    expect(result).toMatchObject({ status: 'valid' });
    const noVersion = writeTemp(edit(real, '<Version>0.1.0.0</Version>', ''));
    expect(checkXsd(noVersion).status).toBe('invalid');
    const longResid = writeTemp(real.replaceAll('TaskpaneButton.Tooltip', 'BranchRating.TaskpaneButton.Tooltip'));
    const r = checkXsd(longResid);
    expect(r.status).toBe('invalid');
    expect(r.output).toContain('maxLength');
  });

  it('says where the schemas were expected when they are missing', () => {
    const result = checkXsd(MANIFEST, path.join(mkdtempSync(path.join(tmpdir(), 'no-xsd-')), 'missing.xsd'));
    expect(result.status).toBe('unavailable');
    expect(result.output).toContain('office-schemas');
  });
});

describe('icons', () => {
  it('addin/assets holds the generated icons, byte for byte', () => {
    for (const size of [16, 32, 64, 80]) {
      const file = readFileSync(path.join(ASSETS, `icon-${size}.png`));
      expect(pngSize(file)).toEqual({ width: size, height: size });
      expect(file.equals(encodePng(size, size, drawIcon(size)))).toBe(true);
    }
  });
});
