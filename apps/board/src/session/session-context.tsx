import { createContext, useContext } from 'react';
import { ApiClient } from '../api/client';
import { Session } from './session';

export interface SignedIn {
  session: Session;
  api: ApiClient;
}

export const SignedInContext = createContext<SignedIn | null>(null);

/** The signed-in member and the API client carrying their token. */
export function useSignedIn(): SignedIn {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn outside a signed-in page');
  return signedIn;
}
