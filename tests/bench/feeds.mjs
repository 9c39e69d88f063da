// Deterministic benchmark feeds: the same articles as JSON Feed 1.1 (for Kabar) and RSS 2.0 (for
// the peer, which reads nothing else). A seeded generator, so every run and every machine measures
// exactly the same bytes.

/** The images in www/img/ that the articles point at (served at /img/ on the bench server). */
export const IMAGES = ['air-terjun', 'jalan', 'jembatan', 'kantor-bupati', 'pasar', 'perahu', 'puskesmas', 'sawah', 'sekolah', 'sungai']
  .map((name) => `/img/${name}.jpg`);

// mulberry32: tiny, fast and good enough to pick words; the point is determinism, not quality.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = ['Dinas Kesehatan', 'Dinas Pendidikan', 'Dinas Pekerjaan Umum', 'Dinas Pertanian', 'Dinas Sosial',
  'Dinas Perhubungan', 'Dinas Pariwisata', 'BPBD', 'Bappeda', 'Dinas Koperasi dan UMKM', 'Pemkab Sungai Jernih',
  'Bupati Sungai Jernih', 'Wakil Bupati', 'Sekretariat Daerah', 'Dinas Lingkungan Hidup', 'Diskominfo'];
const ACTIONS = ['Resmikan', 'Tinjau', 'Salurkan', 'Gelar', 'Bangun', 'Perbaiki', 'Luncurkan', 'Percepat', 'Evaluasi',
  'Sosialisasikan', 'Perluas', 'Tetapkan'];
const OBJECTS = ['Jembatan Gantung', 'Puskesmas Pembantu', 'Pasar Rakyat', 'Bantuan Bibit Padi', 'Irigasi Tersier',
  'Sekolah Dasar Negeri', 'Layanan Adminduk Keliling', 'Posyandu Remaja', 'Jalan Poros Desa', 'Program Beasiswa Daerah',
  'Festival Budaya', 'Pelatihan Digital UMKM', 'Sistem Peringatan Dini Banjir', 'Bank Sampah', 'Rumah Layak Huni'];
const PLACES = ['Muara Teduh', 'Tanjung Harapan', 'Lubuk Damai', 'Bukit Sari', 'Teluk Rimbo', 'Koto Lamo',
  'Rantau Indah', 'Sako Baru', 'Sungai Batang', 'Pasir Putih', 'Air Hitam', 'Talang Jaya', 'Danau Kembar', 'Pulau Tengah'];
const SECTIONS = ['Pemerintahan', 'Kesehatan', 'Pendidikan', 'Infrastruktur', 'Ekonomi', 'Pariwisata', 'Sosial', 'Lingkungan'];
const AUTHORS = ['Humas Setda Sungai Jernih', 'Dewi Anggraini', 'Rahmat Hidayat', 'Siti Nurhaliza', 'Andi Saputra', 'Fitri Handayani'];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const FILLER = ['Kegiatan ini merupakan bagian dari program prioritas daerah tahun anggaran berjalan',
  'Warga menyambut baik langkah tersebut dan berharap manfaatnya segera dirasakan',
  'Pelaksanaan di lapangan diawasi langsung oleh camat dan kepala desa setempat',
  'Anggaran bersumber dari APBD kabupaten dan dana alokasi khusus',
  'Pemerintah daerah meminta masyarakat ikut menjaga fasilitas yang telah dibangun',
  'Evaluasi akan dilakukan setiap triwulan bersama organisasi perangkat daerah terkait'];

/** `count` articles, newest first; the same count always gives the same articles. */
export function articles(count) {
  const next = random(20261127);
  const pick = (list) => list[Math.floor(next() * list.length)];
  let time = Date.parse('2026-11-27T16:00:00+07:00');
  const out = [];
  for (let i = 0; i < count; i++) {
    // Whole minutes, 2 to 8 hours apart, as newsrooms publish.
    time -= Math.round((2 + next() * 6) * 60) * 60 * 1000;
    const agency = pick(AGENCIES);
    const action = pick(ACTIONS);
    const object = pick(OBJECTS);
    const place = pick(PLACES);
    const wib = new Date(time + 7 * 3600 * 1000);
    const day = `${DAYS[wib.getUTCDay()]} (${wib.getUTCDate()}/${wib.getUTCMonth() + 1}/${wib.getUTCFullYear()})`;
    const title = `${agency} ${action} ${object} di Kecamatan ${place}`;
    const summary = `${agency} ${action.toLowerCase()} ${object.toLowerCase()} di Kecamatan ${place}, ${day}. ${pick(FILLER)}.`;
    const paragraphs = [
      `<p><strong>${place.toUpperCase()}</strong> – ${summary}</p>`,
      `<p>${pick(FILLER)}. ${pick(FILLER)}.</p>`,
    ];
    const id = `berita-${String(i + 1).padStart(4, '0')}`;
    out.push({
      id,
      url: `https://sungaijernih.go.id/berita/${id}`,
      title,
      summary,
      contentHtml: paragraphs.join('\n'),
      image: IMAGES[i % IMAGES.length],
      published: new Date(time),
      author: pick(AUTHORS),
      section: pick(SECTIONS),
    });
  }
  return out;
}

/** JSON Feed 1.1, as Kabar reads it. */
export function jsonFeed(items) {
  // ISO 8601 in WIB (+07:00), as an Indonesian site would publish it.
  const wib = (date) => new Date(date.getTime() + 7 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Berita Pemerintah Kabupaten Sungai Jernih',
    home_page_url: 'https://sungaijernih.go.id/',
    language: 'id',
    items: items.map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      summary: a.summary,
      content_html: a.contentHtml,
      image: a.image,
      date_published: wib(a.published),
      authors: [{ name: a.author }],
      tags: [a.section],
    })),
  });
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** RSS 2.0 with the same articles: the peer takes its thumbnail from media:thumbnail. */
export function rssFeed(items) {
  const body = items.map((a) => `<item>
<title>${escapeXml(a.title)}</title>
<link>${a.url}</link>
<guid isPermaLink="false">${a.id}</guid>
<pubDate>${a.published.toUTCString().replace('GMT', '+0000')}</pubDate>
<dc:creator>${escapeXml(a.author)}</dc:creator>
<category>${escapeXml(a.section)}</category>
<description>${escapeXml(a.summary)}</description>
<content:encoded><![CDATA[${a.contentHtml}]]></content:encoded>
<media:thumbnail url="${a.image}"/>
</item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Berita Pemerintah Kabupaten Sungai Jernih</title>
<link>https://sungaijernih.go.id/</link>
<description>Berita dan siaran pers resmi Pemerintah Kabupaten Sungai Jernih</description>
<language>id</language>
${body}
</channel>
</rss>
`;
}
