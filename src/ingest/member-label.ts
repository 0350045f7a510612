/**
 * A mission member's standing as a source writes it ("member of National Assembly, France, head
 * of Delegation, the Delegation of France to the OSCE PA") read into the roles it states, each
 * with the body it names, if any, and the words that say it (the claim's excerpt).
 */
import { fold } from '../reconcile/normalize.js';

export interface LabelRole {
  /** "member", "former member", "head of delegation"; for a bare title, the title ("senator"). */
  role: string;
  /** The body as written ("National Assembly", "the Delegation of France to the OSCE PA" without "the"); null for a bare title. */
  body: string | null;
  /** The words of the label that state this role. */
  excerpt: string;
}

/**
 * The roles of a label, in its order. `country` is the person's country: a part of the label
 * that only repeats it ("…, France, head of Delegation, …") is no role. A part that is neither
 * "(former) member of X" nor "head of delegation, the Delegation …" is a title ("senator",
 * "Professor", "College de France"): whether it names a body is for the caller to look up.
 */
export function parseMemberLabel(label: string, country: string): LabelRole[] {
  const parts = label
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p && fold(p) !== fold(country));
  const out: LabelRole[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const member = /^(former )?member of (.+)$/i.exec(part);
    if (member) {
      out.push({ role: member[1] ? 'former member' : 'member', body: stripArticle(member[2]), excerpt: part });
      continue;
    }
    const head = /^head of (?:the )?delegation$/i.exec(part);
    const next = parts[i + 1];
    if (head && next && /^(?:the )?delegation\b/i.test(next)) {
      out.push({ role: 'head of delegation', body: stripArticle(next), excerpt: `${part}, ${next}` });
      i++;
      continue;
    }
    out.push({ role: part, body: null, excerpt: part });
  }
  return out;
}

function stripArticle(text: string): string {
  return text.replace(/^the\s+/i, '').trim();
}
