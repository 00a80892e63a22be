/**
 * Excel's failures → HostError: what it means for the user and what to do, in Chinese, with Excel's own
 * code and message kept as `detail` for the details pane. Codes from Microsoft's "Error handling with the
 * Excel JavaScript API" table (OfficeExtension.ErrorCodes and Excel.ErrorCodes).
 */
import { HostError, type HostErrorCode } from '../host';

const MESSAGES: Readonly<Record<HostErrorCode, string>> = {
  busy: 'Excel 正忙，暂时无法完成操作。请先退出单元格编辑状态（按 Enter 或 Esc），关闭打开的对话框，稍候再试。',
  tooLarge: '数据量超出了 Excel 单次操作的上限（Excel 网页版每次请求不超过 5 MB）。请关闭其他工作簿后重试；若仍失败，请改用桌面版 Excel 或命令行工具。',
  unsupported: '当前 Excel 版本不支持此操作。请将 Office 更新到 Office 2019 或更高版本（或使用 Microsoft 365 / Excel 网页版）后重试。',
  protected: '工作表或工作簿受保护，无法修改。请在“审阅”选项卡中撤销工作表保护和工作簿保护后重试。',
  unreadable: '无法读取工作簿。请确认文件未损坏后重试。',
  unknown: 'Excel 未能完成操作。请重试；如果问题仍然存在，请把下方的详细信息发给管理员。',
};

/** Cell-edit mode is the commonest cause by far, so it gets its own sentence. */
const CELL_EDIT = '请先退出单元格编辑状态（按 Enter 或 Esc）后重试。';
const OTHER_WORKBOOK = '有多个工作簿打开，Excel 需要当前工作簿处于活动状态。请切换回此工作簿后重试。';

const BY_CODE: Readonly<Record<string, HostErrorCode>> = {
  InvalidOperationInCellEditMode: 'busy',
  ActivityLimitReached: 'busy',
  Conflict: 'busy',
  InactiveWorkbook: 'busy',
  RequestAborted: 'busy',
  ServiceNotAvailable: 'busy',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  PayloadTooLarge: 'tooLarge',
  RangeExceedsLimit: 'tooLarge',
  OperationCellsExceedLimit: 'tooLarge',
  MemoryLimitReached: 'tooLarge',
  ApiNotFound: 'unsupported',
  ApiNotAvailable: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedOperation: 'unsupported',
  UnsupportedFeature: 'unsupported',
  UnsupportedSheet: 'unsupported',
  AccessDenied: 'protected',
};

/** An OfficeExtension.Error (or anything shaped like one: the class is a global only inside Office). */
export interface OfficeErrorLike {
  readonly code: string;
  readonly message: string;
}

export function isOfficeError(e: unknown): e is OfficeErrorLike {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { code?: unknown }).code === 'string' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/** The payload codes: read.ts retries a block in halves on these. */
export function isPayloadError(e: unknown): boolean {
  return isOfficeError(e) && (e.code === 'RequestPayloadSizeLimitExceeded' || e.code === 'ResponsePayloadSizeLimitExceeded' || e.code === 'PayloadTooLarge');
}

/**
 * Map any failure to a HostError (a HostError passes through unchanged). Unknown Office codes map to
 * `unknown`, except that a message naming protection (`protected`, `受保护`) maps to `protected`: Excel
 * reports some writes to protected sheets as InvalidOperation.
 */
export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  if (isOfficeError(e)) {
    const detail = `${e.code}: ${e.message}`;
    let code = BY_CODE[e.code] ?? 'unknown';
    if (code === 'unknown' && /protect|受保护|保护/i.test(e.message)) code = 'protected';
    const message = e.code === 'InvalidOperationInCellEditMode' ? CELL_EDIT : e.code === 'InactiveWorkbook' ? OTHER_WORKBOOK : MESSAGES[code];
    return new HostError(code, message, detail);
  }
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new HostError('unknown', MESSAGES.unknown, detail);
}

/** The Chinese message for a code (tests and the README list them). */
export function hostErrorMessage(code: HostErrorCode): string {
  return MESSAGES[code];
}
