/**
 * Where advice comes from, for people: the public document's title, section and link. Reports carry a source
 * text (older ones name an internal copy of the document, "seed 003, Network Ports and Protocols"); this maps
 * it to the public page (see CITATIONS.md) and never shows the internal name.
 */
export interface PublicSource {
  title: string;
  section?: string;
  href?: string;
}

const HARDWARE = {
  title: 'Amazon Connect Administrator Guide: Agent headset and workstation requirements for using the CCP',
  href: 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-agent-hardware.html',
};
const NETWORKING = {
  title: 'Amazon Connect Administrator Guide: Set up your network to use the Amazon Connect Contact Control Panel (CCP)',
  href: 'https://docs.aws.amazon.com/connect/latest/adminguide/ccp-networking.html',
};
const VDI = {
  title: 'Amazon Connect Administrator Guide: Use Amazon Connect in a VDI environment',
  href: 'https://docs.aws.amazon.com/connect/latest/adminguide/using-ccp-vdi.html',
};
const WHITEPAPER = {
  title: 'AWS whitepaper: AWS Direct Connect for Amazon Connect',
  href: 'https://docs.aws.amazon.com/whitepapers/latest/aws-direct-connect-for-amazon-connect/set-up-your-network.html',
};
const G107 = { title: 'ITU-T Recommendation G.107: The E-model', href: 'https://www.itu.int/rec/T-REC-G.107' };

/** Maps one source text ("seed 003, Network Ports and Protocols") to its public document. */
function one(textIn: string): PublicSource | null {
  const text = textIn.trim();
  if (!text) return null;
  const url = /https?:\/\/\S+/.exec(text)?.[0]?.replace(/[).,;]+$/, '');
  const m = /^seed\s*(\d{3})\s*,?\s*(.*)$/i.exec(text);
  if (m) {
    const section = m[2]!.trim() || undefined;
    const doc = m[1] === '000' ? WHITEPAPER : /workstation|monitoring|headset|hardware/i.test(section ?? '') ? HARDWARE : /vdi/i.test(section ?? '') ? VDI : NETWORKING;
    return { ...doc, ...(section ? { section } : {}) };
  }
  if (/G\.107|E-model/i.test(text)) return { ...G107, ...(url ? { href: url } : {}) };
  if (/seed/i.test(text)) return { title: NETWORKING.title, href: NETWORKING.href };
  const title = url ? text.replace(url, '').replace(/[\s,:;(–-]+$/, '').trim() || url : text;
  // 'Title, section "Name"' (the catalogue's form): the section apart, so the frame around it can be translated.
  const titled = /^(.+?), section "([^"]+)"$/.exec(title);
  return { ...(titled ? { title: titled[1]!, section: titled[2]! } : { title }), ...(url ? { href: url } : {}) };
}

/** A source text may name several documents, separated by ";". Duplicates are dropped. */
export function publicSources(text: string): PublicSource[] {
  const out: PublicSource[] = [];
  for (const part of text.split(';')) {
    const s = one(part);
    if (s && !out.some((o) => o.title === s.title && o.section === s.section)) out.push(s);
  }
  return out;
}
