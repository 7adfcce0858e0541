import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';
import { itemError } from './errors';
import { base64Md5 } from './md5';

/** What n8n's binary data helpers hand out: a Node Readable (typed here without importing node:stream). */
export type BinaryStream = Awaited<ReturnType<IExecuteSingleFunctions['helpers']['getBinaryStream']>>;

/**
 * An input item's file, readable more than once without holding it: stored binary data
 * (filesystem, S3, database modes) is opened as a fresh stream each time; in n8n's default mode
 * the bytes are already in the item, so they are read from there.
 */
export type BinarySource = {
	size: number;
	fileName?: string;
	mimeType?: string;
	open: () => Promise<BinaryStream | Buffer>;
};

/**
 * Stored binary data is read in 1 MiB pieces, not the file stream's 64 KiB: a 300 MB upload reads
 * the file twice, and 16 times fewer pieces is that much less per-piece work (stream events, MD5
 * calls, socket writes) in n8n's busy process. A few pieces in flight stay far below 64 MB.
 */
const READ_CHUNK_BYTES = 1 << 18;

/** The input item's binary property, or an error naming what is there instead. */
export async function binarySource(context: IExecuteSingleFunctions, property: string): Promise<BinarySource> {
	const binary = context.getInputData().binary ?? {};
	const data: IBinaryData | undefined = binary[property];
	if (!data) {
		const present = Object.keys(binary);
		throw itemError(
			context,
			`The input item has no binary property "${property}"`,
			present.length
				? `Its binary properties are ${present.map((name) => `"${name}"`).join(', ')}: set Input Binary Field to one of them.`
				: 'It has no binary data at all. Put a node that reads the file before this one (Read/Write Files from Disk, HTTP Request with Response Format File, Google Drive > Download, …), or set Input Binary Field to the property that holds it.',
		);
	}
	if (data.id) {
		const id = data.id;
		const { fileSize } = await context.helpers.getBinaryMetadata(id);
		return { size: fileSize, fileName: data.fileName, mimeType: data.mimeType, open: async () => await context.helpers.getBinaryStream(id, READ_CHUNK_BYTES) };
	}
	// Default mode: the item carries the bytes as base64; they are decoded once per read, never kept.
	const size = Math.floor((data.data.length * 3) / 4) - (data.data.endsWith('==') ? 2 : data.data.endsWith('=') ? 1 : 0);
	return { size, fileName: data.fileName, mimeType: data.mimeType, open: async () => Buffer.from(data.data, 'base64') };
}

/** Base64 MD5 and size of the source, read as a stream (first of the two passes an upload makes). */
export async function checksumOf(source: BinarySource) {
	const body = await source.open();
	return await base64Md5(Buffer.isBuffer(body) ? chunksOf(body) : (body as AsyncIterable<Uint8Array>));
}

function* chunksOf(buffer: Buffer, size = 1 << 20) {
	for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}
