import { useEffect, useMemo, useState } from 'react';
import { ApiClient } from './api/client';
import { FreshnessNotice } from './components/freshness-notice';
import { LanguageSelect } from './components/language-select';
import { useI18n } from './i18n/i18n';
import { BooksSection } from './sections/books/books-section';
import { BudgetSection } from './sections/budget/budget-section';
import { ComplianceSection } from './sections/compliance/compliance-section';
import { CoopsSection } from './sections/coops/coops-section';
import { PooledMeansSection } from './sections/pooled-means/pooled-means-section';
import { PoolingSection } from './sections/pooling/pooling-section';
import { ProjectsSection } from './sections/projects/projects-section';
import { ReportsSection } from './sections/reports/reports-section';
import { ResourcesSection } from './sections/resources/resources-section';
import {
  canAct,
  canRead,
  forgetSession,
  isExpired,
  restoreSession,
  saveSession,
  Session,
} from './session/session';
import { SignedInContext } from './session/session-context';
import { SignIn } from './session/sign-in';

const SECTIONS = {
  'pooled-means': PooledMeansSection,
  coops: CoopsSection,
  budget: BudgetSection,
  books: BooksSection,
  compliance: ComplianceSection,
  resources: ResourcesSection,
  pooling: PoolingSection,
  projects: ProjectsSection,
  reports: ReportsSection,
} as const;
type SectionId = keyof typeof SECTIONS;
const NAV_LABEL = {
  'pooled-means': 'pooledMeans',
  coops: 'coops',
  budget: 'budget',
  books: 'books',
  compliance: 'compliance',
  resources: 'resources',
  pooling: 'pooling',
  projects: 'projects',
  reports: 'reports',
} as const satisfies Record<SectionId, string>;

/** The section is in the address (`#budget`), so that a link or a reload opens the same one. */
function sectionFromHash(): SectionId {
  const hash = location.hash.slice(1);
  return hash in SECTIONS ? (hash as SectionId) : 'pooled-means';
}

function initialSession(): Session | null {
  const session = restoreSession(location, history);
  return session && canRead(session) && !isExpired(session) ? session : null;
}

export function App() {
  const { messages: m, language, setLanguage, t } = useI18n();
  const [session, setSession] = useState<Session | null>(initialSession);
  const [notice, setNotice] = useState<string | undefined>();
  const [section, setSection] = useState<SectionId>(sectionFromHash);

  useEffect(() => {
    // A ready link opened in a tab already showing the page changes only the fragment.
    const follow = () => {
      if (location.hash.includes('token=')) {
        setSession(initialSession());
        setNotice(undefined);
      }
      setSection(sectionFromHash());
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const signOut = (why?: string) => {
    forgetSession();
    setSession(null);
    setNotice(why);
  };
  const api = useMemo(
    () => session && new ApiClient(session.token, () => signOut(m.signIn.refused)),
    // A new language must not rebuild the client (and reload every view).
    [session],
  );
  const Section = SECTIONS[section];

  return (
    <>
      <header className="top">
        <h1>{m.app.title}</h1>
        <div className="inline">
          <LanguageSelect
            id="language"
            label={m.app.language}
            value={language}
            onChange={setLanguage}
          />
          {session && (
            <>
              <span>{t(m.app.signedInAs, { sub: session.sub, role: m.roles[session.role] })}</span>
              <button type="button" onClick={() => signOut()}>
                {m.app.signOut}
              </button>
            </>
          )}
        </div>
      </header>
      {!session || !api ? (
        <main>
          <SignIn
            notice={notice}
            onSignedIn={(signedIn) => {
              saveSession(signedIn);
              setNotice(undefined);
              setSession(signedIn);
            }}
          />
        </main>
      ) : (
        <SignedInContext.Provider value={{ session, api }}>
          <nav aria-label={m.app.sections}>
            <ul>
              {(Object.keys(SECTIONS) as SectionId[]).map((id) => (
                <li key={id}>
                  <a href={`#${id}`} aria-current={id === section ? 'page' : undefined}>
                    {m.nav[NAV_LABEL[id]]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main>
            <FreshnessNotice />
            {!canAct(session) && <p className="note">{m.app.readOnly}</p>}
            <Section />
          </main>
        </SignedInContext.Provider>
      )}
    </>
  );
}
