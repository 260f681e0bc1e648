import { addressRefusal, isNonPublicAddress, readUrlPolicy, urlRefusal } from './url-policy';

const production = readUrlPolicy({ DATABASE_URL: 'postgres://db/coopfed' });

describe('where webhook deliveries may go', () => {
  it('takes only absolute http(s) URLs, without credentials', () => {
    expect(urlRefusal('https://hooks.example.org/coop', production)).toBeNull();
    expect(urlRefusal('http://hooks.example.org:8080/in', production)).toBeNull();
    for (const url of ['ftp://hooks.example.org/', 'file:///etc/passwd', 'hooks.example.org', ''])
      expect(urlRefusal(url, production)).toMatch(/http\(s\)/);
    expect(urlRefusal('https://user:pw@hooks.example.org/', production)).toMatch(/credentials/);
  });

  it('refuses loopback and private addresses outside development', () => {
    for (const url of [
      'http://127.0.0.1:3000/',
      'http://localhost/',
      'http://api.localhost/',
      'http://10.1.2.3/',
      'http://172.20.0.5/',
      'http://192.168.1.10/',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/',
    ])
      expect(urlRefusal(url, production)).toMatch(/loopback or private/);
  });

  it('allows them in development, or for a host the operator names', () => {
    const development = readUrlPolicy({});
    expect(development.development).toBe(true);
    expect(urlRefusal('http://127.0.0.1:3000/', development)).toBeNull();
    const launcher = readUrlPolicy({ DATABASE_URL: 'postgres://db/x', WEBHOOKS_DEVELOPMENT: '1' });
    expect(urlRefusal('http://192.168.1.10/', launcher)).toBeNull();
    const allowed = readUrlPolicy({
      DATABASE_URL: 'postgres://db/coopfed',
      WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1, Receiver.internal',
    });
    expect(urlRefusal('http://127.0.0.1:4000/hook', allowed)).toBeNull();
    expect(urlRefusal('http://receiver.internal/hook', allowed)).toBeNull();
    expect(urlRefusal('http://10.0.0.1/hook', allowed)).toMatch(/loopback or private/);
  });

  it('refuses at delivery a public-looking name that resolves inside', () => {
    expect(addressRefusal('hooks.example.org', '10.0.0.7', production)).toMatch(/10\.0\.0\.7/);
    expect(addressRefusal('hooks.example.org', '93.184.215.14', production)).toBeNull();
    expect(addressRefusal('hooks.example.org', '2606:2800:21f:cb07::1', production)).toBeNull();
  });

  it('tells public addresses from the others', () => {
    expect(isNonPublicAddress('8.8.8.8')).toBe(false);
    expect(isNonPublicAddress('172.32.0.1')).toBe(false);
    expect(isNonPublicAddress('172.31.255.255')).toBe(true);
    expect(isNonPublicAddress('100.64.0.1')).toBe(true);
    expect(isNonPublicAddress('fe80::1')).toBe(true);
    expect(isNonPublicAddress('hooks.example.org')).toBe(false);
  });
});
