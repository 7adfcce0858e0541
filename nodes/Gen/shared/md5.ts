// MD5 (RFC 1321) in plain TypeScript: node code may import nothing but n8n-workflow, so no
// node:crypto. GEN's direct upload asks for the base64 MD5 of the bytes before they are sent, and
// files are hundreds of MB: the hash is fed chunk by chunk and keeps only one 64-byte block.

const BLOCK = 64;

/** An MD5 hash fed in pieces: `update` as often as needed, then `digest` once. */
export class Md5 {
	private readonly state: number[] = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
	private readonly pending = new Uint8Array(BLOCK);
	private pendingLength = 0;
	private total = 0;

	update(bytes: Uint8Array): this {
		let offset = 0;
		this.total += bytes.length;
		if (this.pendingLength > 0) {
			const take = Math.min(BLOCK - this.pendingLength, bytes.length);
			this.pending.set(bytes.subarray(0, take), this.pendingLength);
			this.pendingLength += take;
			offset = take;
			if (this.pendingLength < BLOCK) return this;
			this.block(this.pending, 0);
			this.pendingLength = 0;
		}
		for (; offset + BLOCK <= bytes.length; offset += BLOCK) this.block(bytes, offset);
		this.pending.set(bytes.subarray(offset), 0);
		this.pendingLength = bytes.length - offset;
		return this;
	}

	/** The 16-byte digest. The hash cannot be fed afterwards. */
	digest(): Uint8Array {
		const bits = this.total * 8;
		const padding = new Uint8Array((this.pendingLength < 56 ? 56 : 120) - this.pendingLength + 8);
		padding[0] = 0x80;
		// The message length in bits, little-endian, 64 bits (JS numbers are exact up to 2^53).
		const at = padding.length - 8;
		padding[at] = bits & 0xff;
		padding[at + 1] = (bits >>> 8) & 0xff;
		padding[at + 2] = (bits >>> 16) & 0xff;
		padding[at + 3] = (bits >>> 24) & 0xff;
		const high = Math.floor(bits / 2 ** 32);
		padding[at + 4] = high & 0xff;
		padding[at + 5] = (high >>> 8) & 0xff;
		padding[at + 6] = (high >>> 16) & 0xff;
		padding[at + 7] = (high >>> 24) & 0xff;
		const total = this.total;
		this.update(padding);
		this.total = total;
		const out = new Uint8Array(16);
		for (let i = 0; i < 4; i++) {
			const word = this.state[i];
			out[i * 4] = word & 0xff;
			out[i * 4 + 1] = (word >>> 8) & 0xff;
			out[i * 4 + 2] = (word >>> 16) & 0xff;
			out[i * 4 + 3] = (word >>> 24) & 0xff;
		}
		return out;
	}

	// Unrolled (the RFC's 64 steps written out, constants K[i] = floor(abs(sin(i + 1)) * 2^32) as
	// int32): about three times the speed of a loop over tables, which matters at hundreds of MB.
	private block(bytes: Uint8Array, offset: number) {
		const x0 = bytes[offset + 0] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24);
		const x1 = bytes[offset + 4] | (bytes[offset + 5] << 8) | (bytes[offset + 6] << 16) | (bytes[offset + 7] << 24);
		const x2 = bytes[offset + 8] | (bytes[offset + 9] << 8) | (bytes[offset + 10] << 16) | (bytes[offset + 11] << 24);
		const x3 = bytes[offset + 12] | (bytes[offset + 13] << 8) | (bytes[offset + 14] << 16) | (bytes[offset + 15] << 24);
		const x4 = bytes[offset + 16] | (bytes[offset + 17] << 8) | (bytes[offset + 18] << 16) | (bytes[offset + 19] << 24);
		const x5 = bytes[offset + 20] | (bytes[offset + 21] << 8) | (bytes[offset + 22] << 16) | (bytes[offset + 23] << 24);
		const x6 = bytes[offset + 24] | (bytes[offset + 25] << 8) | (bytes[offset + 26] << 16) | (bytes[offset + 27] << 24);
		const x7 = bytes[offset + 28] | (bytes[offset + 29] << 8) | (bytes[offset + 30] << 16) | (bytes[offset + 31] << 24);
		const x8 = bytes[offset + 32] | (bytes[offset + 33] << 8) | (bytes[offset + 34] << 16) | (bytes[offset + 35] << 24);
		const x9 = bytes[offset + 36] | (bytes[offset + 37] << 8) | (bytes[offset + 38] << 16) | (bytes[offset + 39] << 24);
		const x10 = bytes[offset + 40] | (bytes[offset + 41] << 8) | (bytes[offset + 42] << 16) | (bytes[offset + 43] << 24);
		const x11 = bytes[offset + 44] | (bytes[offset + 45] << 8) | (bytes[offset + 46] << 16) | (bytes[offset + 47] << 24);
		const x12 = bytes[offset + 48] | (bytes[offset + 49] << 8) | (bytes[offset + 50] << 16) | (bytes[offset + 51] << 24);
		const x13 = bytes[offset + 52] | (bytes[offset + 53] << 8) | (bytes[offset + 54] << 16) | (bytes[offset + 55] << 24);
		const x14 = bytes[offset + 56] | (bytes[offset + 57] << 8) | (bytes[offset + 58] << 16) | (bytes[offset + 59] << 24);
		const x15 = bytes[offset + 60] | (bytes[offset + 61] << 8) | (bytes[offset + 62] << 16) | (bytes[offset + 63] << 24);
		const state = this.state;
		let a = state[0];
		let b = state[1];
		let c = state[2];
		let d = state[3];
		a = ff(a, b, c, d, x0, 7, -680876936);
		d = ff(d, a, b, c, x1, 12, -389564586);
		c = ff(c, d, a, b, x2, 17, 606105819);
		b = ff(b, c, d, a, x3, 22, -1044525330);
		a = ff(a, b, c, d, x4, 7, -176418897);
		d = ff(d, a, b, c, x5, 12, 1200080426);
		c = ff(c, d, a, b, x6, 17, -1473231341);
		b = ff(b, c, d, a, x7, 22, -45705983);
		a = ff(a, b, c, d, x8, 7, 1770035416);
		d = ff(d, a, b, c, x9, 12, -1958414417);
		c = ff(c, d, a, b, x10, 17, -42063);
		b = ff(b, c, d, a, x11, 22, -1990404162);
		a = ff(a, b, c, d, x12, 7, 1804603682);
		d = ff(d, a, b, c, x13, 12, -40341101);
		c = ff(c, d, a, b, x14, 17, -1502002290);
		b = ff(b, c, d, a, x15, 22, 1236535329);
		a = gg(a, b, c, d, x1, 5, -165796510);
		d = gg(d, a, b, c, x6, 9, -1069501632);
		c = gg(c, d, a, b, x11, 14, 643717713);
		b = gg(b, c, d, a, x0, 20, -373897302);
		a = gg(a, b, c, d, x5, 5, -701558691);
		d = gg(d, a, b, c, x10, 9, 38016083);
		c = gg(c, d, a, b, x15, 14, -660478335);
		b = gg(b, c, d, a, x4, 20, -405537848);
		a = gg(a, b, c, d, x9, 5, 568446438);
		d = gg(d, a, b, c, x14, 9, -1019803690);
		c = gg(c, d, a, b, x3, 14, -187363961);
		b = gg(b, c, d, a, x8, 20, 1163531501);
		a = gg(a, b, c, d, x13, 5, -1444681467);
		d = gg(d, a, b, c, x2, 9, -51403784);
		c = gg(c, d, a, b, x7, 14, 1735328473);
		b = gg(b, c, d, a, x12, 20, -1926607734);
		a = hh(a, b, c, d, x5, 4, -378558);
		d = hh(d, a, b, c, x8, 11, -2022574463);
		c = hh(c, d, a, b, x11, 16, 1839030562);
		b = hh(b, c, d, a, x14, 23, -35309556);
		a = hh(a, b, c, d, x1, 4, -1530992060);
		d = hh(d, a, b, c, x4, 11, 1272893353);
		c = hh(c, d, a, b, x7, 16, -155497632);
		b = hh(b, c, d, a, x10, 23, -1094730640);
		a = hh(a, b, c, d, x13, 4, 681279174);
		d = hh(d, a, b, c, x0, 11, -358537222);
		c = hh(c, d, a, b, x3, 16, -722521979);
		b = hh(b, c, d, a, x6, 23, 76029189);
		a = hh(a, b, c, d, x9, 4, -640364487);
		d = hh(d, a, b, c, x12, 11, -421815835);
		c = hh(c, d, a, b, x15, 16, 530742520);
		b = hh(b, c, d, a, x2, 23, -995338651);
		a = ii(a, b, c, d, x0, 6, -198630844);
		d = ii(d, a, b, c, x7, 10, 1126891415);
		c = ii(c, d, a, b, x14, 15, -1416354905);
		b = ii(b, c, d, a, x5, 21, -57434055);
		a = ii(a, b, c, d, x12, 6, 1700485571);
		d = ii(d, a, b, c, x3, 10, -1894986606);
		c = ii(c, d, a, b, x10, 15, -1051523);
		b = ii(b, c, d, a, x1, 21, -2054922799);
		a = ii(a, b, c, d, x8, 6, 1873313359);
		d = ii(d, a, b, c, x15, 10, -30611744);
		c = ii(c, d, a, b, x6, 15, -1560198380);
		b = ii(b, c, d, a, x13, 21, 1309151649);
		a = ii(a, b, c, d, x4, 6, -145523070);
		d = ii(d, a, b, c, x11, 10, -1120210379);
		c = ii(c, d, a, b, x2, 15, 718787259);
		b = ii(b, c, d, a, x9, 21, -343485551);
		state[0] = (state[0] + a) | 0;
		state[1] = (state[1] + b) | 0;
		state[2] = (state[2] + c) | 0;
		state[3] = (state[3] + d) | 0;
	}
}

const rotated = (sum: number, shift: number, b: number) => (((sum << shift) | (sum >>> (32 - shift))) + b) | 0;
const ff = (a: number, b: number, c: number, d: number, x: number, s: number, k: number) => rotated((a + ((b & c) | (~b & d)) + x + k) | 0, s, b);
const gg = (a: number, b: number, c: number, d: number, x: number, s: number, k: number) => rotated((a + ((b & d) | (c & ~d)) + x + k) | 0, s, b);
const hh = (a: number, b: number, c: number, d: number, x: number, s: number, k: number) => rotated((a + (b ^ c ^ d) + x + k) | 0, s, b);
const ii = (a: number, b: number, c: number, d: number, x: number, s: number, k: number) => rotated((a + (c ^ (b | ~d)) + x + k) | 0, s, b);

/** The base64 MD5 of all the chunks, as GEN's direct upload and S3's Content-MD5 take it. */
export async function base64Md5(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<{ checksum: string; size: number }> {
	const hash = new Md5();
	let size = 0;
	for await (const chunk of chunks) {
		hash.update(chunk);
		size += chunk.length;
	}
	return { checksum: Buffer.from(hash.digest()).toString('base64'), size };
}
