import { de } from '@shared/i18n/de';

/**
 * The formatting buttons of the rich-text boxes: each inserts the small markup (see parseRichText) at the
 * cursor or around the selection and says what to select afterwards. Pure, so it is easy to follow.
 */
export type MarkupAction = 'heading' | 'bullet' | 'numbered' | 'table' | 'bold' | 'italic';

export interface Edit {
  text: string;
  selectionStart: number;
  selectionEnd: number;
}

const submissionsEditorMarkupTexts = de.ui.submissions.editor.markup;

export function applyMarkup(text: string, start: number, end: number, action: MarkupAction): Edit {
  switch (action) {
    case 'bold':
      return wrap(text, start, end, '**', submissionsEditorMarkupTexts.boldSample);
    case 'italic':
      return wrap(text, start, end, '*', submissionsEditorMarkupTexts.italicSample);
    case 'heading':
      return prefixLines(text, start, start, () => '# ', submissionsEditorMarkupTexts.headingSample);
    case 'bullet':
      return prefixLines(text, start, end, () => '- ', '');
    case 'numbered':
      return prefixLines(text, start, end, (i) => `${i + 1}. `, '');
    case 'table': {
      const before = text.slice(0, start);
      const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
      const after = text.slice(end);
      const trail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
      const inserted = `${lead}${submissionsEditorMarkupTexts.tableSample}${trail}`;
      const firstCell = start + lead.length + 2;
      return { text: before + inserted + after, selectionStart: firstCell, selectionEnd: firstCell + submissionsEditorMarkupTexts.tableSample.slice(2).indexOf(' |') };
    }
  }
}

function wrap(text: string, start: number, end: number, marker: string, sample: string): Edit {
  const selected = text.slice(start, end);
  // "**Wort** " selected with its trailing space: keep the space outside the markers.
  const inner = selected.trimEnd();
  const rest = selected.slice(inner.length);
  const content = inner === '' ? sample : inner;
  const result = text.slice(0, start) + marker + content + marker + rest + text.slice(end);
  return { text: result, selectionStart: start + marker.length, selectionEnd: start + marker.length + content.length };
}

function prefixLines(text: string, start: number, end: number, prefix: (index: number) => string, sample: string): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = text.indexOf('\n', Math.max(end - (end > start && text[end - 1] === '\n' ? 1 : 0), start));
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const lines = text.slice(lineStart, lineEnd).split('\n');
  // Existing markers are replaced, so "Aufzählung" on a numbered line turns it into a bullet.
  const stripped = lines.map((line) => line.replace(/^\s*(#{1,3}\s+|[-•]\s+|\d+[.)]\s+)/, ''));
  const changed = stripped.map((line, i) => `${prefix(i)}${line === '' && lines.length === 1 ? sample : line}`).join('\n');
  const result = text.slice(0, lineStart) + changed + text.slice(lineEnd);
  if (lines.length === 1) {
    const p = prefix(0).length;
    const body = stripped[0] === '' ? sample : stripped[0]!;
    // A sample is selected so typing replaces it; otherwise the cursor goes to the end of the line.
    return stripped[0] === '' && sample ? { text: result, selectionStart: lineStart + p, selectionEnd: lineStart + p + body.length } : { text: result, selectionStart: lineStart + p + body.length, selectionEnd: lineStart + p + body.length };
  }
  return { text: result, selectionStart: lineStart, selectionEnd: lineStart + changed.length };
}
