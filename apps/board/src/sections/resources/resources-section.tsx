import { useEffect, useId, useState } from 'react';
import { RESOURCE_KINDS, THEMES } from '@libs/contracts';
import { CatalogueResource, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { ColumnHeads } from '../../components/column-heads';
import { Loading } from '../../components/loading';
import { ProblemMessage } from '../../components/problem-message';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';

const PAGE_SIZE = '50';

/** The federation's catalogue, filtered by kind and theme, a page at a time. */
export function ResourcesSection() {
  const { api } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  const [kind, setKind] = useState('');
  const [theme, setTheme] = useState('');
  const first = useApi(
    () => api.get<Page<CatalogueResource>>('/resources', { kind, theme, limit: PAGE_SIZE }),
    [api, kind, theme],
  );
  const [more, setMore] = useState<{ items: CatalogueResource[]; next: string | null } | null>(
    null,
  );
  const [moreError, setMoreError] = useState<unknown>(null);
  useEffect(() => setMore(null), [first.data]);
  const id = useId();

  const showMore = async (cursor: string) => {
    try {
      const page = await api.get<Page<CatalogueResource>>('/resources', {
        kind,
        theme,
        limit: PAGE_SIZE,
        cursor,
      });
      setMore((previous) => ({
        items: [...(previous?.items ?? []), ...page.items],
        next: page.nextCursor,
      }));
    } catch (error) {
      setMoreError(error);
    }
  };

  const termsOf = (terms: CatalogueResource['terms']) => {
    switch (terms.type) {
      case 'free':
        return m.terms.free;
      case 'hours':
        return t(m.terms.hours, { hours: format.quantity(terms.hours ?? '0', 'hours') });
      default:
        return t(m.terms[terms.type], {
          price: terms.price ? format.quantity(terms.price.amount, terms.price.currency) : '',
        });
    }
  };

  return (
    <section aria-labelledby="resources-title">
      <h2 id="resources-title">{m.resources.title}</h2>
      <div className="inline">
        <label htmlFor={`${id}-kind`}>{m.resources.kind}</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value)}>
          <option value="">{m.resources.all}</option>
          {RESOURCE_KINDS.map((value) => (
            <option key={value} value={value}>
              {m.resourceKinds[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-theme`}>{m.resources.theme}</label>
        <select id={`${id}-theme`} value={theme} onChange={(event) => setTheme(event.target.value)}>
          <option value="">{m.resources.all}</option>
          {THEMES.map((value) => (
            <option key={value} value={value}>
              {m.themes[value]}
            </option>
          ))}
        </select>
      </div>
      <Loading loaded={first}>
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])];
          const next = more ? more.next : page.nextCursor;
          if (items.length === 0) return <p>{m.resources.none}</p>;
          return (
            <>
              <table className="resources">
                <ColumnHeads
                  columns={[
                    m.resources.resource,
                    m.resources.kind,
                    m.resources.theme,
                    m.resources.terms,
                    m.resources.coop,
                    m.resources.sharedOn,
                  ]}
                />
                <tbody>
                  {items.map((resource) => (
                    <tr key={`${resource.coopId}/${resource.resourceId}`}>
                      <th scope="row">
                        {resource.title}
                        {resource.description && (
                          <small className="block">{resource.description}</small>
                        )}
                      </th>
                      <td>{m.resourceKinds[resource.kind]}</td>
                      <td>{resource.themes.map((value) => m.themes[value]).join(', ')}</td>
                      <td>{termsOf(resource.terms)}</td>
                      <td>{resource.coopName ?? resource.coopId}</td>
                      <td>{format.day(resource.sharedOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {next && (
                <button type="button" onClick={() => void showMore(next)}>
                  {m.resources.more}
                </button>
              )}
              <ProblemMessage error={moreError} />
            </>
          );
        }}
      </Loading>
    </section>
  );
}
