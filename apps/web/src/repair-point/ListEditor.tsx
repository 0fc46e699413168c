import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ListEditorProps<T> {
  legend: string;
  items: readonly T[];
  /** What the add button appends. */
  empty: T;
  addLabel: string;
  /** Marks each row for tests. */
  rowTestId?: string;
  onChange(items: T[]): void;
  /** The row's fields; `change` merges what they edit into the item. */
  children(item: T, change: (next: Partial<T>) => void, index: number): ReactNode;
}

/** A list of like entries in a fieldset, each row with its fields and a remove button, and one to add a row. */
export function ListEditor<T>({
  legend,
  items,
  empty,
  addLabel,
  rowTestId,
  onChange,
  children,
}: ListEditorProps<T>) {
  const { t } = useTranslation();
  const change = (index: number) => (next: Partial<T>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...next } : item)));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((item, i) => (
        <div className="fault-row" key={i} data-testid={rowTestId}>
          {children(item, change(i), i)}
          <button
            type="button"
            className="secondary small-button"
            onClick={() => onChange(items.filter((_, j) => j !== i))}
          >
            {t('mailIn.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="secondary small-button" onClick={() => onChange([...items, empty])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
