/** A dictionary typed against zh-CN's: exactly its keys, each with its words in another language. */
export type Words<T> = { readonly [K in keyof T]: string };

export { codeLabels, prefixed } from '../../../shared/kernel/labels';
