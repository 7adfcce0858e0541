// MD5 (RFC 1321) in plain TypeScript: node code may import nothing but n8n-workflow, so no
// node:crypto. GEN's direct upload asks for the base64 MD5 of the bytes before they are sent, and
// files are hundreds of MB: the hash is fed chunk by chunk and keeps only one 64-byte block.
//
// Speed (bench/media.js hashes 300 MB in the MD5 pass of every upload): typed arrays, no
// allocation per block, and each round a loop of four steps. The 64 steps written out as calls
// were six times slower: V8 stops inlining the step function after a few dozen call sites, and
// every call then boxes its int32 result on the heap.

const BLOCK = 64;

/** K[i] = floor(abs(sin(i + 1)) * 2^32) as int32 (RFC 1321 3.4). */
const K = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

/** Which message word step i reads: i, 5i + 1, 3i + 5, 7i (mod 16) by round. */
const WORD = Int32Array.from({ length: 64 }, (_, i) => [i, 5 * i + 1, 3 * i + 5, 7 * i][i >> 4] & 15);

/** Whether Int32Array views read little-endian words (MD5's order), as on x64 and ARM. */
const LITTLE_ENDIAN = new Uint8Array(new Int32Array([1]).buffer)[0] === 1;

/** One step's end: the sum rotated left by `shift`, plus b. */
const rotated = (sum: number, shift: number, b: number) => ((((sum | 0) << shift) | ((sum | 0) >>> (32 - shift))) + b) | 0;

/** An MD5 hash fed in pieces: `update` as often as needed, then `digest` once. */
export class Md5 {
	private readonly state = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]);
	private readonly pending = new Uint8Array(BLOCK);
	/** The pending block (or an unaligned one) as words. */
	private readonly words = new Int32Array(16);
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
			this.copied(this.pending, 0);
			this.pendingLength = 0;
		}
		const end = bytes.length - ((bytes.length - offset) % BLOCK);
		if (LITTLE_ENDIAN && ((bytes.byteOffset + offset) & 3) === 0) {
			// Aligned (the usual case for stream chunks): the words are read in place, one view per chunk.
			const view = new Int32Array(bytes.buffer, bytes.byteOffset + offset, (end - offset) >> 2);
			for (let at = 0; at < view.length; at += 16) this.block(view, at);
			offset = end;
		}
		for (; offset < end; offset += BLOCK) this.copied(bytes, offset);
		this.pending.set(bytes.subarray(offset), 0);
		this.pendingLength = bytes.length - offset;
		return this;
	}

	/** The 16-byte digest. The hash cannot be fed afterwards. */
	digest(): Uint8Array {
		const bits = this.total * 8;
		const high = Math.floor(bits / 2 ** 32);
		const padding = new Uint8Array((this.pendingLength < 56 ? 56 : 120) - this.pendingLength + 8);
		padding[0] = 0x80;
		// The message length in bits, little-endian, 64 bits (JS numbers are exact up to 2^53).
		const at = padding.length - 8;
		for (let i = 0; i < 4; i++) {
			padding[at + i] = (bits >>> (8 * i)) & 0xff;
			padding[at + 4 + i] = (high >>> (8 * i)) & 0xff;
		}
		this.update(padding);
		const out = new Uint8Array(16);
		for (let i = 0; i < 16; i++) out[i] = (this.state[i >> 2] >>> (8 * (i & 3))) & 0xff;
		return out;
	}

	/** A block at any offset: its little-endian words copied out first. */
	private copied(bytes: Uint8Array, offset: number) {
		const x = this.words;
		for (let i = 0, at = offset; i < 16; i++, at += 4) x[i] = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
		this.block(x, 0);
	}

	/** The 64 steps over the 16 words x[o .. o + 15]; a, b, c, d rotate through the four lines of each loop. */
	private block(x: Int32Array, o: number) {
		const state = this.state;
		let a = state[0];
		let b = state[1];
		let c = state[2];
		let d = state[3];
		let i = 0;
		for (; i < 16; i += 4) {
			a = rotated(a + ((b & c) | (~b & d)) + K[i] + x[o + WORD[i]], 7, b);
			d = rotated(d + ((a & b) | (~a & c)) + K[i + 1] + x[o + WORD[i + 1]], 12, a);
			c = rotated(c + ((d & a) | (~d & b)) + K[i + 2] + x[o + WORD[i + 2]], 17, d);
			b = rotated(b + ((c & d) | (~c & a)) + K[i + 3] + x[o + WORD[i + 3]], 22, c);
		}
		for (; i < 32; i += 4) {
			a = rotated(a + ((b & d) | (c & ~d)) + K[i] + x[o + WORD[i]], 5, b);
			d = rotated(d + ((a & c) | (b & ~c)) + K[i + 1] + x[o + WORD[i + 1]], 9, a);
			c = rotated(c + ((d & b) | (a & ~b)) + K[i + 2] + x[o + WORD[i + 2]], 14, d);
			b = rotated(b + ((c & a) | (d & ~a)) + K[i + 3] + x[o + WORD[i + 3]], 20, c);
		}
		for (; i < 48; i += 4) {
			a = rotated(a + (b ^ c ^ d) + K[i] + x[o + WORD[i]], 4, b);
			d = rotated(d + (a ^ b ^ c) + K[i + 1] + x[o + WORD[i + 1]], 11, a);
			c = rotated(c + (d ^ a ^ b) + K[i + 2] + x[o + WORD[i + 2]], 16, d);
			b = rotated(b + (c ^ d ^ a) + K[i + 3] + x[o + WORD[i + 3]], 23, c);
		}
		for (; i < 64; i += 4) {
			a = rotated(a + (c ^ (b | ~d)) + K[i] + x[o + WORD[i]], 6, b);
			d = rotated(d + (b ^ (a | ~c)) + K[i + 1] + x[o + WORD[i + 1]], 10, a);
			c = rotated(c + (a ^ (d | ~b)) + K[i + 2] + x[o + WORD[i + 2]], 15, d);
			b = rotated(b + (d ^ (c | ~a)) + K[i + 3] + x[o + WORD[i + 3]], 21, c);
		}
		state[0] += a;
		state[1] += b;
		state[2] += c;
		state[3] += d;
	}
}

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
