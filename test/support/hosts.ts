/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code, not node code: local HTTP hosts for the tests */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders };

/** A small HTTP host on 127.0.0.1 that records what reaches it and answers as the test says. */
export interface Host {
	url: string;
	requests: SeenRequest[];
	close(): Promise<void>;
}

export async function startHost(
	answer: (request: SeenRequest, response: ServerResponse) => void = (_request, response) => {
		response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
	},
): Promise<Host> {
	const requests: SeenRequest[] = [];
	const server = createServer((incoming, response) => {
		const request = { method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers };
		requests.push(request);
		incoming.resume();
		incoming.on('end', () => answer(request, response));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A Base URL that redirects every request, with its path, to `target` (another host). */
export async function startRedirector(status: number, target: () => string): Promise<Host> {
	return await startHost((request, response) => {
		response.writeHead(status, { location: `${target()}${request.url}` }).end();
	});
}
