import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why a hall refuses a document from the region, or an administrator's exception to one. */
export const regionDocRefusals = defineRefusals('regiondoc', {
  older: { code: ErrorCode.DOCUMENT_STALE, zh: '本大厅已应用第 {applied} 版，不能再应用较早的第 {given} 版' },
  sameVersionDiffers: { code: ErrorCode.DOCUMENT_STALE, zh: '第 {version} 版的内容与本大厅已应用的同一版不同' },
  noCalendar: { code: ErrorCode.NOT_FOUND, zh: '本大厅尚未收到 {year} 年的全市假日安排，收到后才能添加本地调整' },
  noCatalog: { code: ErrorCode.NOT_FOUND, zh: '本大厅尚未收到全程代办事项清单' },
  itemNotListed: { code: ErrorCode.VALIDATION_FAILED, zh: '事项 {code} 不在本级可代办的清单里' },
  alreadyOff: { code: ErrorCode.VALIDATION_FAILED, zh: '{day} 已是全市假日或本大厅已添加的休息日' },
  alreadyRefused: { code: ErrorCode.VALIDATION_FAILED, zh: '本大厅已不受理事项 {code} 的代办' },
  yearFromRegion: { code: ErrorCode.FORBIDDEN, zh: '{year} 年的节假日安排由全市统一下发，本大厅另有休息日请添加本地休息日' },
  revoked: { code: ErrorCode.VALIDATION_FAILED, zh: '这项本地调整已撤销' },
});
