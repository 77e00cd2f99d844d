// Reads the API reference from the packages' TSDoc: every symbol that @proclife/child-process and
// @proclife/worker-threads export, with its signature and its doc comment, and the public members
// of each class. scripts/generate-api.ts writes it for the site; the Korean text's check reads it
// fresh, so that a TSDoc change is seen before the next build.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { ApiEntry as Entry, ApiMember as Member } from '../src/api-types.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES: Record<string, string> = {
  '@proclife/child-process': `${root}packages/child-process/src/index.ts`,
  '@proclife/worker-threads': `${root}packages/worker-threads/src/index.ts`,
};

const program = ts.createProgram(Object.values(PACKAGES), {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  noEmit: true,
  strict: true,
  skipLibCheck: true,
  types: ['node'],
});
const checker = program.getTypeChecker();
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

function docOf(symbol: ts.Symbol): string {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const tags = symbol
    .getJsDocTags(checker)
    .filter((t) => t.name === 'example')
    .map((t) => ts.displayPartsToString(t.text).trim());
  return [text, ...tags].filter(Boolean).join('\n\n');
}

function kindOf(symbol: ts.Symbol): string {
  const f = symbol.getFlags();
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & (ts.SymbolFlags.Method | ts.SymbolFlags.Function)) return 'method';
  if (f & ts.SymbolFlags.GetAccessor || f & ts.SymbolFlags.SetAccessor) return 'accessor';
  return 'property';
}

function signatureOf(symbol: ts.Symbol, decl: ts.Declaration | undefined): string {
  const kind = kindOf(symbol);
  if (kind === 'interface' || kind === 'type' || kind === 'class') {
    if (!decl) return symbol.getName();
    // The declaration's own text, without its comments and bodies.
    const printer = ts.createPrinter({ removeComments: true });
    const node = ts.isClassDeclaration(decl)
      ? ts.factory.updateClassDeclaration(
          decl,
          decl.modifiers,
          decl.name,
          decl.typeParameters,
          decl.heritageClauses,
          [],
        )
      : decl;
    return printer
      .printNode(ts.EmitHint.Unspecified, node, decl.getSourceFile())
      .replace(/^export\s+/, '')
      .replace(/^declare\s+/, '')
      .replace(/\s*\{\s*\}$/, '');
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, decl ?? symbol.valueDeclaration!);
  const calls = type.getCallSignatures();
  if (calls.length > 0 && (kind === 'function' || kind === 'method')) {
    return calls
      .map((s) => `${symbol.getName()}${checker.signatureToString(s, undefined, flags)}`)
      .join('\n');
  }
  return `${symbol.getName()}: ${checker.typeToString(type, undefined, flags)}`;
}

function membersOf(symbol: ts.Symbol): Member[] {
  const members: Member[] = [];
  const owner = symbol.declarations?.[0];
  const add = (m: ts.Symbol, isStatic: boolean) => {
    const name = m.getName();
    const decl = m.declarations?.[0];
    if (!decl || name.startsWith('#') || name === 'prototype' || name.startsWith('__@')) return;
    // Only what this class or interface declares itself: inherited members are listed once, on
    // the class that declares them (BaseProcess for every Process class).
    if (decl.parent !== owner) return;
    const mods = ts.canHaveModifiers(decl) ? (ts.getModifiers(decl) ?? []) : [];
    if (
      mods.some((x) => x.kind === ts.SyntaxKind.PrivateKeyword || x.kind === ts.SyntaxKind.ProtectedKeyword)
    )
      return;
    if (ts.isConstructorDeclaration(decl)) return;
    members.push({ name, kind: kindOf(m), signature: signatureOf(m, decl), doc: docOf(m), static: isStatic });
  };
  const decl = symbol.declarations?.[0];
  if (decl && ts.isClassDeclaration(decl)) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    for (const m of checker.getPropertiesOfType(type)) add(m, false);
    for (const m of checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(symbol, decl)))
      add(m, true);
  } else if (decl && ts.isInterfaceDeclaration(decl)) {
    for (const m of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) add(m, false);
  }
  return members.sort((a, b) => Number(b.static) - Number(a.static) || a.name.localeCompare(b.name));
}

/** The exported symbols, in the page's order, and the public symbols and members without TSDoc. */
export function readApi(): { entries: Entry[]; missing: string[] } {
  const entries = new Map<string, Entry>();
  const missing: string[] = [];
  for (const [pkg, file] of Object.entries(PACKAGES)) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the exports of ${pkg}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol =
        exported.getFlags() & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const name = exported.getName();
      const known = entries.get(name);
      if (known) {
        known.packages.push(pkg);
        continue;
      }
      const decl = symbol.declarations?.[0];
      const entry: Entry = {
        name,
        kind: kindOf(symbol),
        signature: signatureOf(symbol, decl),
        doc: docOf(symbol),
        packages: [pkg],
        members: membersOf(symbol),
      };
      if (!entry.doc) missing.push(name);
      for (const m of entry.members) if (!m.doc) missing.push(`${name}.${m.name}`);
      entries.set(name, entry);
    }
  }

  const ORDER = ['class', 'function', 'const', 'interface', 'type'];
  const list = [...entries.values()].sort(
    (a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.name.localeCompare(b.name),
  );
  return { entries: list, missing };
}
