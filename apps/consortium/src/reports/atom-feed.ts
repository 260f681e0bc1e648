import { escapeHtml } from './newsletter.html';

/** A published report as the feed lists it. */
export interface FeedEntry {
  quarter: string;
  title: string;
  summary: string;
  publishedOn: string;
  updatedAt: Date;
}

/**
 * The published reports as an Atom 1.0 feed (RFC 4287): the feed and each entry have an id, a
 * title, an updated instant and a link; ids are the pages' absolute URLs, which never change.
 * XML escapes the same five characters as HTML.
 */
export function atomFeed(base: string, title: string, entries: FeedEntry[]): string {
  const feedUrl = `${base}/public/feed.xml`;
  const updated = entries.reduce(
    (latest, entry) => (entry.updatedAt > latest ? entry.updatedAt : latest),
    new Date(0),
  );
  const items = entries.map((entry) => {
    const url = `${base}/public/reports/${entry.quarter}`;
    return `  <entry>
    <id>${escapeHtml(url)}</id>
    <title>${escapeHtml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>
    <published>${entry.publishedOn}T00:00:00Z</published>
    <updated>${entry.updatedAt.toISOString()}</updated>
    <summary>${escapeHtml(entry.summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${escapeHtml(feedUrl)}</id>
  <title>${escapeHtml(title)}</title>
  <updated>${updated.toISOString()}</updated>
  <author><name>${escapeHtml(title)}</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeHtml(feedUrl)}"/>
${items.join('\n')}
</feed>
`;
}
