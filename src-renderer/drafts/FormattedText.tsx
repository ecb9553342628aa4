/** Text the way WhatsApp shows it: *bold*, _italic_, ~strike~ and ```monospace``` applied. */
import type { ReactNode } from 'react';
import { formatWhatsApp } from '#shared/template';

/** `children` go after the text, inside the same box (the bubble's time, for one). */
export function FormattedText({ text, className, children }: { text: string; className?: string; children?: ReactNode }) {
  const segments = formatWhatsApp(text);
  return (
    <span className={className} dir="auto">
      {segments.map((s, i) => {
        let node: ReactNode = s.text;
        if (s.mono) node = <code>{node}</code>;
        if (s.strike) node = <s>{node}</s>;
        if (s.italic) node = <em>{node}</em>;
        if (s.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
      {children}
    </span>
  );
}
