import { describe, expect, it } from 'vitest';
import { readProxyV2 } from './proxy-protocol-v2';

const SIGNATURE = '0d0a0d0a000d0a515549540a';
const header = (rest: string) => Buffer.from(SIGNATURE + rest, 'hex');

describe('readProxyV2', () => {
  it('turns TCP over IPv4 and IPv6 into the equivalent v1 line, and leaves what follows', () => {
    const v4 = header('2111000cc000020ac0000201 9c40 0019 16030100'.replaceAll(' ', ''));
    expect(readProxyV2(v4)).toEqual({ kind: 'v2', length: 28, line: 'PROXY TCP4 192.0.2.10 192.0.2.1 40000 25\r\n' });
    const v6 = header(
      '21210024' + '20010db8000000000000000000000010' + '20010db8000000000000000000000001' + '9c400019',
    );
    expect(readProxyV2(v6)).toMatchObject({ line: 'PROXY TCP6 2001:db8::10 2001:db8::1 40000 25\r\n' });
  });

  it('waits for the whole header, and tells other traffic apart at its first byte', () => {
    expect(readProxyV2(header('2111000cc0000'.slice(0, 8)))).toEqual({ kind: 'incomplete' });
    expect(readProxyV2(Buffer.from('0d0a0d', 'hex'))).toEqual({ kind: 'incomplete' });
    expect(readProxyV2(Buffer.from('PROXY TCP4 192.0.2.10 192.0.2.1 1 25\r\n'))).toEqual({ kind: 'not-v2' });
    expect(readProxyV2(Buffer.from('EHLO x\r\n'))).toEqual({ kind: 'not-v2' });
  });

  it('names no address for LOCAL, UDP or unix sockets, and refuses other versions, commands and huge headers', () => {
    expect(readProxyV2(header('20000000'))).toMatchObject({ kind: 'v2', line: 'PROXY UNKNOWN\r\n' });
    expect(readProxyV2(header('2112000cc000020ac00002019c400019'))).toMatchObject({ line: 'PROXY UNKNOWN\r\n' });
    expect(readProxyV2(header('11110000'))).toMatchObject({ kind: 'invalid' });
    expect(readProxyV2(header('22110000'))).toMatchObject({ kind: 'invalid' });
    expect(readProxyV2(header('2111ffff'))).toMatchObject({ kind: 'invalid', reason: 'PROXY header too long' });
  });
});
