import { createHash, randomBytes } from 'node:crypto';
import { Md5, base64Md5 } from '../nodes/Gen/shared/md5';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('Md5 (plain TypeScript, for node code that may not import node:crypto)', () => {
	// RFC 1321, appendix A.5.
	it.each([
		['', 'd41d8cd98f00b204e9800998ecf8427e'],
		['a', '0cc175b9c0f1b6a831c399e269772661'],
		['abc', '900150983cd24fb0d6963f7d28e17f72'],
		['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
		['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
		['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
		['12345678901234567890123456789012345678901234567890123456789012345678901234567890', '57edf4a22be3c955ac49da2e2107b67a'],
	])('%j', (text, digest) => {
		expect(hex(new Md5().update(Buffer.from(text)).digest())).toBe(digest);
	});

	it('matches node:crypto for every length around the 64-byte block and padding edges', () => {
		const bytes = randomBytes(300);
		for (let length = 0; length <= 200; length++) {
			const part = bytes.subarray(0, length);
			expect(hex(new Md5().update(part).digest())).toBe(createHash('md5').update(part).digest('hex'));
		}
	});

	it('gives the same digest whatever the chunking (1 MB in odd pieces)', async () => {
		const bytes = randomBytes(1 << 20);
		const pieces = [1, 3, 63, 64, 65, 1000, 4093];
		const chunks: Buffer[] = [];
		for (let at = 0, i = 0; at < bytes.length; i++) {
			const size = pieces[i % pieces.length];
			chunks.push(bytes.subarray(at, at + size));
			at += size;
		}
		expect(await base64Md5(chunks)).toEqual({ checksum: createHash('md5').update(bytes).digest('base64'), size: bytes.length });
	});
});
