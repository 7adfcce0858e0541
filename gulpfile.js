const { src, dest } = require('gulp');

// tsc emits only code and the codex JSON; n8n loads node and credential icons from dist/ too.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
