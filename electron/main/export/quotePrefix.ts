/**
 * Text that looks like a formula (`=`, `+`, `-`, `@`, or a leading tab or carriage return) is written as a
 * text cell with Excel's "quote prefix" (`<xf quotePrefix="1">`, shown as a leading apostrophe in the
 * formula bar): when a clerk opens the cell and presses Enter, Excel and LibreOffice keep it text instead
 * of turning "=HYPERLINK(…)" into a live formula.
 *
 * exceljs 4.4 has no field for it, so its style table is taught one: a cell style object carrying
 * `quotePrefix: true` gets an `xf` entry with the attribute (styles are deduplicated by their XML, so the
 * prefixed and the plain variant of a style are two entries). The patch touches only styles that ask
 * for it; tests/unit/main/export/quotePrefix.test.ts checks the XML and LibreOffice's reading.
 */
import { createRequire } from 'node:module';

/** Starts like a formula or a DDE/command payload in Excel, LibreOffice or a CSV opened by them. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

interface StylesXformPrototype {
  addStyleModel(this: StylesXformInstance, model: unknown, cellType?: unknown): number;
  _quotePrefixPatched?: boolean;
}

interface StylesXformInstance {
  _addStyle(style: unknown): number;
  map: { style: { toXml(style: unknown): string } };
  index: { style: Record<string, number> };
  model: { styles: string[] };
}

/** Installs the patch once (idempotent). Call before writing a workbook. */
export function enableQuotePrefix(): void {
  // The same module instance exceljs' writers use (resolved from exceljs' own package).
  const require = createRequire(import.meta.url);
  const stylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as { prototype: StylesXformPrototype };
  const proto = stylesXform.prototype;
  if (proto._quotePrefixPatched) return;
  const addStyleModel = proto.addStyleModel;
  proto.addStyleModel = function (this: StylesXformInstance, model: unknown, cellType?: unknown): number {
    if (!(model as { quotePrefix?: boolean } | null)?.quotePrefix) return addStyleModel.call(this, model, cellType);
    const addStyle = this._addStyle;
    // For this one call: the xf's XML gets the attribute before it is deduplicated and stored.
    this._addStyle = function (this: StylesXformInstance, style: unknown): number {
      const xml = this.map.style.toXml(style).replace(/^<xf /, '<xf quotePrefix="1" ');
      let index = this.index.style[xml];
      if (index === undefined) {
        index = this.index.style[xml] = this.model.styles.length;
        this.model.styles.push(xml);
      }
      return index;
    };
    try {
      return addStyleModel.call(this, model, cellType);
    } finally {
      this._addStyle = addStyle;
    }
  };
  proto._quotePrefixPatched = true;
}
