import { TEMPLATES_PER_PAGE } from '../../shared/engine';
import { limitValue } from '../../shared/input';
import { genOperation } from '../../shared/routing';

export const getAll = genOperation({
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many templates',
		description: "List GEN's content engine templates",
	},
	method: 'GET',
	path: '/templates/projects',
	request: (context) => ({ keep: limitValue(context) }),
	answer: 'list',
	expected: 'a list of templates',
	// GEN answers 20 a page: Return All reads until a short page, Limit stops once it has enough.
	pages: { size: TEMPLATES_PER_PAGE },
	fields: [],
});
