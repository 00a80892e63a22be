/**
 * The sandbox proper: a strict whitelist walk over the mathjs node tree that turns each allowed
 * node into a closure. Nothing mathjs builds is ever evaluated by mathjs; a node type, operator,
 * constant or function not named here is refused, so anything mathjs may add later is refused too.
 *
 *   ConstantNode (finite number) · SymbolNode (a variable) · ParenthesisNode
 *   OperatorNode + - * / (binary), - + (unary), == != < <= > >= (explicit only, never implicit ×)
 *   RelationalNode (chained comparisons, a < b <= c) · ConditionalNode a ? b : c
 *   FunctionNode whose fn is a SymbolNode naming a function in FUNCTIONS
 */
import { compare, FUNCTIONS, truth, validDecimals, type ComparisonOp, type Evaluator } from './functions';

/** Deepest node tree accepted; the closures recurse once per level when evaluating. */
export const MAX_TREE_DEPTH = 200;

/** A refusal found while walking the tree. */
export class FormulaRefusal extends Error {
  constructor(
    readonly kind: 'syntax' | 'forbidden',
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'FormulaRefusal';
  }
}

/** Thrown by evaluate when the caller did not supply a variable the formula names (a programmer error). */
export class MissingVariableError extends Error {
  constructor(readonly variable: string) {
    super(`formula variable "${variable}" was not supplied to evaluate`);
    this.name = 'MissingVariableError';
  }
}

/** Walk state: variable names in order of first appearance. */
interface Walk {
  readonly names: string[];
  readonly seen: Set<string>;
}

/** Read a field of an untrusted node. Nodes are mathjs class instances, so getters count. */
function field(node: object, key: string): unknown {
  return (node as Record<string, unknown>)[key];
}

function nodeList(node: object, key: string): readonly object[] {
  const value = field(node, key);
  if (!Array.isArray(value) || !value.every((v): v is object => typeof v === 'object' && v !== null)) {
    throw new FormulaRefusal('forbidden', '无法识别的公式结构');
  }
  return value;
}

function child(node: object, key: string): object {
  const value = field(node, key);
  if (typeof value !== 'object' || value === null) throw new FormulaRefusal('forbidden', '无法识别的公式结构');
  return value;
}

const BINARY: ReadonlyMap<string, (a: number, b: number) => number> = new Map([
  ['add', (a: number, b: number) => a + b],
  ['subtract', (a: number, b: number) => a - b],
  ['multiply', (a: number, b: number) => a * b],
  // Division by zero gives ±Infinity or NaN on purpose: the caller reports it per branch.
  ['divide', (a: number, b: number) => a / b],
]);

const COMPARISON_FNS: ReadonlyMap<string, ComparisonOp> = new Map<string, ComparisonOp>([
  ['equal', '=='],
  ['unequal', '!='],
  ['smaller', '<'],
  ['smallerEq', '<='],
  ['larger', '>'],
  ['largerEq', '>='],
]);

/** Names mathjs gives operators we refuse, for a detail a user understands. */
function operatorLabel(node: object): string {
  const op = field(node, 'op');
  return typeof op === 'string' ? op : '?';
}

/**
 * Compile an untrusted mathjs node tree into one closure, collecting variable names.
 * Throws FormulaRefusal for anything outside the whitelist.
 */
export function compileTree(root: unknown): { readonly evaluate: Evaluator; readonly names: readonly string[] } {
  if (typeof root !== 'object' || root === null) throw new FormulaRefusal('syntax', '公式为空');
  const walk: Walk = { names: [], seen: new Set() };
  const evaluate = compileNode(root, walk, 0);
  return { evaluate, names: walk.names };
}

function compileNode(node: object, walk: Walk, depth: number): Evaluator {
  if (depth > MAX_TREE_DEPTH) throw new FormulaRefusal('forbidden', `公式嵌套超过 ${MAX_TREE_DEPTH} 层`);
  const type = field(node, 'type');
  switch (type) {
    case 'ConstantNode':
      return compileConstant(node);
    case 'SymbolNode':
      return compileSymbol(node, walk);
    case 'ParenthesisNode':
      return compileNode(child(node, 'content'), walk, depth + 1);
    case 'OperatorNode':
      return compileOperator(node, walk, depth);
    case 'RelationalNode':
      return compileRelational(node, walk, depth);
    case 'ConditionalNode':
      return compileConditional(node, walk, depth);
    case 'FunctionNode':
      return compileFunction(node, walk, depth);
    default:
      throw new FormulaRefusal('forbidden', forbiddenNodeDetail(type));
  }
}

function forbiddenNodeDetail(type: unknown): string {
  switch (type) {
    case 'AssignmentNode':
      return '不允许赋值，比较相等请写 ==';
    case 'FunctionAssignmentNode':
      return '不允许定义函数';
    case 'AccessorNode':
    case 'IndexNode':
      return '不允许属性或下标访问（. 或 [ ]）';
    case 'ArrayNode':
    case 'RangeNode':
      return '不允许数组或区间';
    case 'ObjectNode':
      return '不允许对象 { }';
    case 'BlockNode':
      return '只能写一个表达式（不允许 ; 分隔多句）';
    default:
      return `不支持的写法（${String(type)}）`;
  }
}

function compileConstant(node: object): Evaluator {
  const value = field(node, 'value');
  if (typeof value === 'number' && Number.isFinite(value)) return () => value;
  if (typeof value === 'string') throw new FormulaRefusal('forbidden', '不允许文本（引号）');
  if (typeof value === 'number') throw new FormulaRefusal('forbidden', '数字超出范围');
  throw new FormulaRefusal('forbidden', `不支持的常量 ${String(value)}`);
}

function compileSymbol(node: object, walk: Walk): Evaluator {
  const name = field(node, 'name');
  if (typeof name !== 'string' || name === '') throw new FormulaRefusal('forbidden', '无法识别的名称');
  if (!walk.seen.has(name)) {
    walk.seen.add(name);
    walk.names.push(name);
  }
  // A Map lookup only: `constructor` or `__proto__` is just a name the caller reports as unknown.
  return (vars) => {
    const value = vars.get(name);
    if (value === undefined) throw new MissingVariableError(name);
    return value;
  };
}

function compileOperator(node: object, walk: Walk, depth: number): Evaluator {
  const fn = field(node, 'fn');
  if (field(node, 'implicit') === true) {
    throw new FormulaRefusal('forbidden', '不允许省略乘号（如 2x、2 cm、(a)(b)）；乘法请写 *，名称不能以数字开头');
  }
  const args = nodeList(node, 'args').map((a) => compileNode(a, walk, depth + 1));
  const [a, b] = args;
  if (args.length === 1 && a !== undefined) {
    if (fn === 'unaryMinus') return (vars) => -a(vars);
    if (fn === 'unaryPlus') return a;
  }
  if (args.length === 2 && a !== undefined && b !== undefined && typeof fn === 'string') {
    const arithmetic = BINARY.get(fn);
    if (arithmetic !== undefined) return (vars) => arithmetic(a(vars), b(vars));
    const op = COMPARISON_FNS.get(fn);
    if (op !== undefined) return (vars) => compare(a(vars), b(vars), op);
  }
  throw new FormulaRefusal('forbidden', `不支持运算符 ${operatorLabel(node)}`);
}

/** `a < b <= c` means a < b and b <= c (as written on paper), each compared at 6 decimals. */
function compileRelational(node: object, walk: Walk, depth: number): Evaluator {
  const conditionals = field(node, 'conditionals');
  const params = nodeList(node, 'params').map((p) => compileNode(p, walk, depth + 1));
  if (!Array.isArray(conditionals) || conditionals.length !== params.length - 1) {
    throw new FormulaRefusal('forbidden', '无法识别的比较');
  }
  const ops = conditionals.map((c: unknown) => {
    const op = typeof c === 'string' ? COMPARISON_FNS.get(c) : undefined;
    if (op === undefined) throw new FormulaRefusal('forbidden', `不支持比较 ${String(c)}`);
    return op;
  });
  return (vars) => {
    const values = params.map((p) => p(vars));
    let result = 1;
    for (let i = 0; i < ops.length; i += 1) {
      const r = compare(values[i] ?? NaN, values[i + 1] ?? NaN, ops[i] ?? '==');
      if (Number.isNaN(r)) return NaN;
      if (r === 0) result = 0;
    }
    return result;
  };
}

/** a ? b : c evaluates only the branch taken, so `x == 0 ? 0 : y / x` never divides by zero. */
function compileConditional(node: object, walk: Walk, depth: number): Evaluator {
  const condition = compileNode(child(node, 'condition'), walk, depth + 1);
  const whenTrue = compileNode(child(node, 'trueExpr'), walk, depth + 1);
  const whenFalse = compileNode(child(node, 'falseExpr'), walk, depth + 1);
  return (vars) => {
    const holds = truth(condition(vars));
    if (holds === null) return NaN;
    return holds ? whenTrue(vars) : whenFalse(vars);
  };
}

function compileFunction(node: object, walk: Walk, depth: number): Evaluator {
  const fn = child(node, 'fn');
  const fnName = field(fn, 'name');
  if (field(fn, 'type') !== 'SymbolNode' || typeof fnName !== 'string') {
    throw new FormulaRefusal('forbidden', '只能调用内置函数 min、max、abs、floor、ceil、round、tier');
  }
  const spec = FUNCTIONS.get(fnName.toLowerCase());
  if (spec === undefined) {
    throw new FormulaRefusal('forbidden', `未知函数 ${fnName}（可用：min、max、abs、floor、ceil、round、tier）`);
  }
  const argNodes = nodeList(node, 'args');
  const arityProblem = spec.arity(argNodes.length);
  if (arityProblem !== null) throw new FormulaRefusal('syntax', `${fnName}：${arityProblem}`);
  if (fnName.toLowerCase() === 'round') checkConstantDecimals(argNodes[1]);
  const args = argNodes.map((a) => compileNode(a, walk, depth + 1));
  return spec.build(args);
}

/** round(x, 2.5) written with a literal is a mistake worth reporting now, not as NaN per row. */
function checkConstantDecimals(node: object | undefined): void {
  if (node === undefined || field(node, 'type') !== 'ConstantNode') return;
  const n = field(node, 'value');
  if (typeof n === 'number' && !validDecimals(n)) {
    throw new FormulaRefusal('syntax', `round 的小数位数须为 0 到 15 的整数，写了 ${n}`);
  }
}
