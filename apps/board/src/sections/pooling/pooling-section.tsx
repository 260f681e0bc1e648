import { useId, useMemo, useState } from 'react';
import { Booking, CatalogueResource, Page, TimeAccount, Training } from '../../api/types';
import { useApi } from '../../api/use-api';
import { ColumnHeads } from '../../components/column-heads';
import { Loading } from '../../components/loading';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';

const PAGE_SIZE = '500';

/** An instant as the board reads it: its day in the reader's language, and the UTC time. */
function useInstant() {
  const { format } = useI18n();
  return (instant: string) => `${format.day(instant.slice(0, 10))} ${instant.slice(11, 16)} UTC`;
}

/** What coops pool without money: trainings, time accounts, bookings of shared resources. */
export function PoolingSection() {
  const { messages: m } = useI18n();
  return (
    <section aria-labelledby="pooling-title">
      <h2 id="pooling-title">{m.pooling.title}</h2>
      <UpcomingTrainings />
      <TimeAccounts />
      <ResourceBookings />
    </section>
  );
}

function UpcomingTrainings() {
  const { api } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  const instant = useInstant();
  // From now on: fixed when the section opens, so that reloading does not move it.
  const from = useMemo(() => new Date().toISOString(), []);
  const trainings = useApi(
    () => api.get<Page<Training>>('/trainings', { from, limit: PAGE_SIZE }),
    [api, from],
  );
  return (
    <section aria-labelledby="pooling-trainings">
      <h3 id="pooling-trainings">{m.pooling.trainings}</h3>
      <Loading loaded={trainings}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{m.pooling.noTraining}</p>
          ) : (
            <table className="trainings">
              <ColumnHeads
                columns={[
                  m.pooling.training,
                  m.pooling.coop,
                  m.pooling.theme,
                  m.pooling.startsAt,
                  { label: m.pooling.hours, numeric: true },
                  { label: m.pooling.placesLeft, numeric: true },
                ]}
              />
              <tbody>
                {page.items.map((training) => (
                  <tr key={training.trainingId}>
                    <th scope="row">{training.title}</th>
                    <td>{training.coopId}</td>
                    <td>{m.themes[training.theme]}</td>
                    <td>{instant(training.startsAt)}</td>
                    <td className="number">{format.quantity(training.hours, 'hours')}</td>
                    <td className="number">
                      {t(m.pooling.placesOf, {
                        left: format.count(training.placesLeft),
                        places: format.count(training.places),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </section>
  );
}

function TimeAccounts() {
  const { api } = useSignedIn();
  const { messages: m, format } = useI18n();
  const accounts = useApi(
    () => api.get<Page<TimeAccount>>('/time-accounts', { limit: PAGE_SIZE }),
    [api],
  );
  return (
    <section aria-labelledby="pooling-time-accounts">
      <h3 id="pooling-time-accounts">{m.pooling.timeAccounts}</h3>
      <p className="note">{m.pooling.timeAccountsHint}</p>
      <Loading loaded={accounts}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{m.pooling.noExchange}</p>
          ) : (
            <table className="time-accounts">
              <ColumnHeads
                columns={[
                  m.pooling.coop,
                  { label: m.pooling.given, numeric: true },
                  { label: m.pooling.received, numeric: true },
                  { label: m.pooling.balance, numeric: true },
                ]}
              />
              <tbody>
                {page.items.map((account) => (
                  <tr key={account.coopId}>
                    <th scope="row">{account.coopId}</th>
                    <td className="number">{format.quantity(account.given, 'hours')}</td>
                    <td className="number">{format.quantity(account.received, 'hours')}</td>
                    <td className="number">{format.quantity(account.balance, 'hours')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </section>
  );
}

function ResourceBookings() {
  const { api } = useSignedIn();
  const { messages: m } = useI18n();
  const instant = useInstant();
  const id = useId();
  const [resourceId, setResourceId] = useState('');
  const from = useMemo(() => new Date().toISOString(), []);
  const resources = useApi(
    () => api.get<Page<CatalogueResource>>('/resources', { limit: PAGE_SIZE }),
    [api],
  );
  const bookings = useApi(
    async () =>
      resourceId
        ? api.get<Page<Booking>>(`/resources/${resourceId}/bookings`, { from, limit: PAGE_SIZE })
        : null,
    [api, resourceId, from],
  );
  return (
    <section aria-labelledby="pooling-bookings">
      <h3 id="pooling-bookings">{m.pooling.bookings}</h3>
      <Loading loaded={resources}>
        {(page) => (
          <div className="inline">
            <label htmlFor={`${id}-resource`}>{m.pooling.resource}</label>
            <select
              id={`${id}-resource`}
              value={resourceId}
              onChange={(event) => setResourceId(event.target.value)}
            >
              <option value="">{m.pooling.chooseResource}</option>
              {page.items.map((resource) => (
                <option
                  key={`${resource.coopId}/${resource.resourceId}`}
                  value={resource.resourceId}
                >
                  {resource.title} ({resource.coopName ?? resource.coopId})
                </option>
              ))}
            </select>
          </div>
        )}
      </Loading>
      {resourceId && (
        <Loading loaded={bookings}>
          {(page) =>
            !page || page.items.length === 0 ? (
              <p>{m.pooling.noBooking}</p>
            ) : (
              <table className="bookings">
                <ColumnHeads columns={[m.pooling.from, m.pooling.to, m.pooling.bookedBy]} />
                <tbody>
                  {page.items.map((booking) => (
                    <tr key={booking.bookingId}>
                      <td>{instant(booking.from)}</td>
                      <td>{instant(booking.to)}</td>
                      <td>{booking.bookingCoopId}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loading>
      )}
    </section>
  );
}
