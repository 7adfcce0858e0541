// @ts-check
'use strict';

/**
 * The sandbox's stand-in for GEN's public CDN (cdn.gen.pro): a second HTTP server on its own port
 * that serves tiny, valid PNG / MP3 / MP4 files for any path ending in `.png`, `.mp3` or `.mp4`.
 * Like a public CDN it needs no credentials, and it refuses (403) any request that carries an
 * `X-API-Key` or `Authorization` header, so tests can prove the node never leaks its GEN key there.
 */

const http = require('node:http');
const zlib = require('node:zlib');
const { splitTarget, listen, closer } = require('./http-host');

/** @param {string} type @param {Buffer} data */
function pngChunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(zlib.crc32(typeAndData) >>> 0);
	return Buffer.concat([length, typeAndData, crc]);
}

/** An 8x8 RGB PNG in GEN's brand-ish purple. */
function makePng() {
	const size = 8;
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // colour type: RGB
	// compression, filter, interlace: 0
	const raw = Buffer.alloc(size * (1 + size * 3));
	for (let y = 0; y < size; y++) {
		const row = y * (1 + size * 3);
		raw[row] = 0; // filter: none
		for (let x = 0; x < size; x++) raw.set([0x6d, 0x28, 0xd9], row + 1 + x * 3);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', zlib.deflateSync(raw)),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/**
 * Eight silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, joint stereo; 417 bytes each,
 * all-zero side info = silence), about 0.2 s.
 */
function makeMp3() {
	const frame = Buffer.alloc(417);
	frame.set([0xff, 0xfb, 0x90, 0x64]);
	return Buffer.concat(Array.from({ length: 8 }, () => frame));
}

/** @param {string} type @param {...Buffer} payload */
function box(type, ...payload) {
	const body = Buffer.concat(payload);
	const header = Buffer.alloc(8);
	header.writeUInt32BE(8 + body.length);
	header.write(type, 4, 'latin1');
	return Buffer.concat([header, body]);
}

/**
 * A small, structurally valid ISO BMFF (MP4) file: `ftyp` (isom/mp41), `moov` with an `mvhd`
 * (1 s at 1000 units/s) and an empty `mdat`. It parses as MP4 (e.g. `file` says "ISO Media");
 * it has no decodable frames.
 */
function makeMp4() {
	const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41', 'latin1'));
	const mvhd = Buffer.alloc(100);
	// version 0, flags 0; creation/modification time 0
	mvhd.writeUInt32BE(1000, 12); // timescale
	mvhd.writeUInt32BE(1000, 16); // duration
	mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
	mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
	const matrix = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];
	matrix.forEach((v, i) => mvhd.writeUInt32BE(v, 36 + i * 4));
	mvhd.writeUInt32BE(1, 96); // next track id
	return Buffer.concat([ftyp, box('moov', box('mvhd', mvhd)), box('mdat')]);
}

/** Served bytes by file extension. */
const MEDIA = Object.freeze({
	png: { contentType: 'image/png', bytes: makePng() },
	mp3: { contentType: 'audio/mpeg', bytes: makeMp3() },
	mp4: { contentType: 'video/mp4', bytes: makeMp4() },
});

/**
 * @typedef {object} CdnRequest
 * @property {string} method
 * @property {string} path  without the query
 * @property {string} url  as received
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {number} status  what the CDN answered
 *
 * @typedef {object} Cdn
 * @property {string} url  e.g. 'http://127.0.0.1:4011'
 * @property {number} port
 * @property {CdnRequest[]} requests  every request in arrival order (rejected ones too)
 * @property {() => void} clearRequests
 * @property {() => Promise<void>} close
 */

/**
 * @param {{ host: string, port?: number }} options
 * @returns {Promise<Cdn>}
 */
async function startCdn({ host, port = 0 }) {
	/** @type {CdnRequest[]} */
	const requests = [];
	const server = http.createServer((req, res) => {
		const url = req.url ?? '/';
		const { path } = splitTarget(url);
		const method = (req.method ?? 'GET').toUpperCase();
		/** @param {number} status @param {Record<string, string>} headers @param {Buffer | string} body */
		const answer = (status, headers, body) => {
			requests.push({ method, path, url, headers: { ...req.headers }, status });
			const bytes = typeof body === 'string' ? Buffer.from(body) : body;
			res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
			res.end(method === 'HEAD' ? undefined : bytes);
		};
		const text = { 'content-type': 'text/plain; charset=utf-8' };
		req.resume();
		req.on('end', () => {
			if (req.headers['x-api-key'] !== undefined || req.headers.authorization !== undefined) {
				return answer(403, text, 'Forbidden: the CDN takes no credentials (X-API-Key / Authorization sent)\n');
			}
			if (method !== 'GET' && method !== 'HEAD') return answer(405, { ...text, allow: 'GET, HEAD' }, 'Method not allowed\n');
			const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
			const media = ext && Object.prototype.hasOwnProperty.call(MEDIA, ext) ? MEDIA[/** @type {keyof typeof MEDIA} */ (ext)] : undefined;
			if (!media) return answer(404, text, 'Not found\n');
			return answer(200, { 'content-type': media.contentType, 'cache-control': 'public, max-age=31536000' }, media.bytes);
		});
	});
	const address = await listen(server, port, host);
	return {
		url: address.origin,
		port: address.port,
		requests,
		clearRequests: () => void (requests.length = 0),
		close: closer(server),
	};
}

module.exports = { startCdn };
