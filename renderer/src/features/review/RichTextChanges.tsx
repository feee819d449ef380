import { richTextSchema, type Block } from '@shared/core/richText';
import { diffBlocks } from '@shared/core/richTextDiff';
import { richTextEditorTexts } from '@shared/submissions/richTextEditorTexts';

const t = richTextEditorTexts.changes;

function asBlocks(value: unknown): Block[] {
  const parsed = richTextSchema.safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

/** A proposed new text against the old one, block by block; each block says in words whether it stays, goes or comes. */
export function RichTextChanges({ label, before, after }: { label: string; before: unknown; after: unknown }) {
  const changes = diffBlocks(asBlocks(before), asBlocks(after));
  if (!changes.some((c) => c.change !== 'same')) return <p>{t.none}</p>;
  return (
    <ol className="block-changes" aria-label={t.caption(label)}>
      {changes.map((c, i) => (
        <li key={i} className={`block-${c.change}`}>
          <span className="change-kind">{t[c.change]}:</span> <span className="pre">{c.text}</span>
        </li>
      ))}
    </ol>
  );
}
