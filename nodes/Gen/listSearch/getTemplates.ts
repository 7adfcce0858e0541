import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { TEMPLATES_PER_PAGE } from '../shared/engine';
import { genApiList, matching } from '../shared/transport';
import { withId } from './label';

/** GEN's template gallery, one GEN page (20 templates) per load; the picker asks for the next as you scroll. */
export async function getTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken) >= 1 ? Math.floor(Number(paginationToken)) : 1;
	const templates = await genApiList.call(this, 'GET', '/templates/projects', 'a list of templates', { page });
	return {
		results: matching(
			templates,
			filter,
			(template) => withId(String(template.title || template.name || 'Untitled template'), template.slug || template.id),
			(template) => String(template.slug || template.id),
		),
		// A short page is the last one.
		paginationToken: templates.length >= TEMPLATES_PER_PAGE ? String(page + 1) : undefined,
	};
}
