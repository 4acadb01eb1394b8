import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { useAppStore } from '../app/store';
import { LoginScreen } from '../features/login/LoginScreen';

describe('TokenNotice on the login screen', () => {
  test('explains why the agent signs in every session when the desktop has only basic_text', () => {
    useAppStore.getState().setTokenNotice('basic_text');
    render(<LoginScreen defaultApiBaseUrl="http://127.0.0.1:4317" onSubmit={async () => undefined} />);
    expect(screen.getByRole('note')).toHaveTextContent(/no system keyring .* never stored unencrypted/);
  });

  test('says nothing where the token can be kept', () => {
    render(<LoginScreen defaultApiBaseUrl="http://127.0.0.1:4317" onSubmit={async () => undefined} />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
