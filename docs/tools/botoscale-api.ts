/**
 * Reads botoscale's public API from its TypeScript sources with the compiler API: for
 * each service module (`botoscale/autoscale`, ...), the exported classes with their
 * constructor options and public methods, and the exported functions, each with its
 * parameters (an options-object parameter is listed by its property names).
 */
import { join } from 'node:path';
import ts from 'typescript';

/** The four service entry points, as `botoscale/<name>`. */
export const SERVICE_MODULES = ['autoscale', 'cloudwatch', 'elb', 'ec2'] as const;
/** One of {@link SERVICE_MODULES}, or `''` for the package root (`botoscale`). */
export type ServiceModule = (typeof SERVICE_MODULES)[number] | '';

/** One parameter: positional, or an options object given by its property names. */
export interface TsParam {
  name: string;
  optional: boolean;
  /** Property names, when the parameter is an options object (without `signal`). */
  options?: string[];
}

/** A callable's parameters and what it returns. */
export interface TsSignature {
  params: TsParam[];
  /** The return type as TypeScript prints it, e.g. `Promise<Request>`. */
  returns: string;
}

/** An exported class. */
export interface ApiClass {
  /** The constructor's parameters (the first overload). */
  ctor: TsSignature | undefined;
  /** Public methods by name. */
  methods: Map<string, TsSignature>;
  /** Public non-method members (fields, getters) by name. */
  properties: Set<string>;
}

/** What one entry point exports. */
export interface ApiModule {
  classes: Map<string, ApiClass>;
  functions: Map<string, TsSignature>;
}

/** The API of every entry point, by module name (`''` is the package root). */
export type BotoscaleApi = Map<ServiceModule, ApiModule>;

/** The source file of an entry point. */
export function entryFile(root: string, module: ServiceModule): string {
  return module === '' ? join(root, 'src', 'index.ts') : join(root, 'src', module, 'index.ts');
}

/** Per-call options every sending method takes (`CallOptions`); the table leaves them out. */
const OMITTED_OPTIONS = new Set(['signal', 'requestTimeout']);

/** An interface or type literal of botoscale's own sources (not an Array, Date or SDK type). */
function isOptionsType(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.isUnion() || checker.isArrayType(type) || checker.isTupleType(type)) return false;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol === undefined) return false;
  if ((symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral)) === 0) return false;
  return (symbol.declarations ?? []).every((d) => !d.getSourceFile().isDeclarationFile);
}

function signatureOf(checker: ts.TypeChecker, sig: ts.Signature, at: ts.Node): TsSignature {
  const params = sig.getParameters().map((p): TsParam => {
    const decl = p.valueDeclaration as ts.ParameterDeclaration | undefined;
    const optional = decl !== undefined && (decl.questionToken !== undefined || decl.initializer !== undefined || decl.dotDotDotToken !== undefined);
    const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, decl ?? at));
    const param: TsParam = { name: p.getName(), optional };
    if (isOptionsType(checker, type)) {
      // A connection's own requestTimeout is one of its options, shown as the others.
      const perCall = (type.getSymbol() ?? type.aliasSymbol)?.getName() !== 'ConnectionOptions';
      param.options = checker.getPropertiesOfType(type).map((s) => s.getName()).filter((n) => !(perCall && OMITTED_OPTIONS.has(n)));
    }
    return param;
  });
  // An options object of nothing but per-call options is left out, as the table omits them.
  while (params.length > 0 && params[params.length - 1]?.options?.length === 0) params.pop();
  return { params, returns: checker.typeToString(sig.getReturnType(), undefined, ts.TypeFormatFlags.NoTruncation) };
}

function readClass(checker: ts.TypeChecker, symbol: ts.Symbol, decl: ts.Node): ApiClass {
  const staticType = checker.getTypeOfSymbolAtLocation(symbol, decl);
  const ctorSig = staticType.getConstructSignatures()[0];
  const instance = checker.getDeclaredTypeOfSymbol(symbol);
  const methods = new Map<string, TsSignature>();
  const properties = new Set<string>();
  for (const prop of checker.getPropertiesOfType(instance)) {
    const name = prop.getName();
    if (name.startsWith('#') || name.startsWith('__')) continue;
    const pdecl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (pdecl !== undefined) {
      const mods = ts.getCombinedModifierFlags(pdecl as ts.Declaration);
      if ((mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0) continue;
      // `@internal`: public for botoscale's own modules only, not part of the API.
      if (ts.getJSDocTags(pdecl).some((t) => t.tagName.text === 'internal')) continue;
    }
    const type = checker.getTypeOfSymbolAtLocation(prop, pdecl ?? decl);
    const isMethod = (prop.flags & ts.SymbolFlags.Method) !== 0;
    const callSig = type.getCallSignatures()[0];
    if (isMethod && callSig !== undefined) methods.set(name, signatureOf(checker, callSig, decl));
    else properties.add(name);
  }
  return { ctor: ctorSig === undefined ? undefined : signatureOf(checker, ctorSig, decl), methods, properties };
}

/** Reads the API of the package root and the four service modules from `root/src`. */
export function readBotoscaleApi(root: string): BotoscaleApi {
  const modules: ServiceModule[] = ['', ...SERVICE_MODULES];
  const files = modules.map((m) => entryFile(root, m));
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  const program = ts.createProgram(files, { ...(parsed?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  const api: BotoscaleApi = new Map();
  modules.forEach((module, i) => {
    const out: ApiModule = { classes: new Map(), functions: new Map() };
    api.set(module, out);
    const source = program.getSourceFile(files[i] as string);
    if (source === undefined) return;
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) return;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = (exported.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(exported) : exported;
      const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (decl === undefined) continue;
      if ((symbol.flags & ts.SymbolFlags.Class) !== 0) {
        out.classes.set(exported.getName(), readClass(checker, symbol, decl));
      } else if ((symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable)) !== 0) {
        const sig = checker.getTypeOfSymbolAtLocation(symbol, decl).getCallSignatures()[0];
        if (sig !== undefined) out.functions.set(exported.getName(), signatureOf(checker, sig, decl));
      }
    }
  });
  return api;
}
