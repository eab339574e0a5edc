/*
 * password.c — password policy and argon2id hashing.
 *
 * Cost: argon2id with t = 2 passes over 64 MiB (libsodium's INTERACTIVE
 * limits, the minimum the platform accepts). A hash made with other
 * parameters is replaced at the next successful login.
 */
#include <string.h>

#include <sodium.h>

#include "password.h"
#include "spp.h"

#define PW_OPSLIMIT 2ULL
#define PW_MEMLIMIT (64ULL * 1024 * 1024)

/*
 * Common passwords, lower case. A password is refused when it is one of
 * these, or one of these followed by at most six digits or symbols
 * ("marseille2024!"). Short entries matter only through that rule since
 * the minimum length is 12.
 */
static const char *const common[] = {
	"123456",
	"1234567",
	"12345678",
	"123456789",
	"1234567890",
	"12345678910",
	"123456789012",
	"1234567890123",
	"0123456789",
	"01234567890",
	"987654321",
	"9876543210",
	"111111",
	"1111111111",
	"11111111111",
	"111111111111",
	"000000",
	"0000000000",
	"000000000000",
	"123123",
	"123123123",
	"123123123123",
	"121212",
	"112233",
	"11223344",
	"112233445566",
	"123321",
	"654321",
	"666666",
	"696969",
	"777777",
	"888888",
	"999999",
	"147258369",
	"159753",
	"1q2w3e4r",
	"1q2w3e4r5t",
	"1q2w3e4r5t6y",
	"1qaz2wsx",
	"1qaz2wsx3edc",
	"qazwsx",
	"qazwsxedc",
	"zaq12wsx",
	"password",
	"password1",
	"password123",
	"passw0rd",
	"p@ssw0rd",
	"p@ssword",
	"passwordpassword",
	"mypassword",
	"motdepasse",
	"motdepasse1",
	"motdepasse123",
	"mot2passe",
	"mdp",
	"monmotdepasse",
	"nouveaumotdepasse",
	"changeme",
	"changemoi",
	"admin",
	"admin123",
	"administrateur",
	"administrator",
	"root",
	"toor",
	"welcome",
	"welcome1",
	"bienvenue",
	"bienvenue1",
	"letmein",
	"trustno1",
	"iloveyou",
	"jetaime",
	"jetaime123",
	"jetaimemoi",
	"teamo",
	"qwerty",
	"qwerty123",
	"qwertyuiop",
	"qwertyuiop123",
	"qwertzuiop",
	"asdfgh",
	"asdfghjkl",
	"zxcvbnm",
	"azerty",
	"azerty123",
	"azertyuiop",
	"azertyuiop123",
	"azertyuiopqsdfghjklm",
	"qsdfghjklm",
	"wxcvbn",
	"aqwzsx",
	"azerty1234",
	"abc123",
	"abcdef",
	"abcdefgh",
	"abcdefghijkl",
	"abcd1234",
	"a1b2c3d4",
	"soleil",
	"soleil123",
	"soleil123456",
	"doudou",
	"chouchou",
	"loulou",
	"nounours",
	"bisounours",
	"coucou",
	"bonjour",
	"bonjour123",
	"bonsoir",
	"salut",
	"salutation",
	"merci",
	"amour",
	"monamour",
	"mamour",
	"bebe",
	"princesse",
	"cheval",
	"chocolat",
	"papillon",
	"tigrou",
	"titou",
	"doudou123",
	"marseille",
	"paris",
	"paris75",
	"parisien",
	"toulouse",
	"lyon",
	"bordeaux",
	"nantes",
	"lille",
	"bretagne",
	"france",
	"france123",
	"vivelafrance",
	"republique",
	"liberte",
	"allezlom",
	"allezparis",
	"olympique",
	"psg",
	"football",
	"foot",
	"footballeur",
	"basketball",
	"baseball",
	"tennis",
	"rugby",
	"nicolas",
	"julien",
	"thomas",
	"camille",
	"alexandre",
	"marine",
	"laura",
	"pierre",
	"sebastien",
	"stephanie",
	"isabelle",
	"nathalie",
	"celine",
	"michel",
	"philippe",
	"christophe",
	"frederic",
	"mathieu",
	"maxime",
	"dragon",
	"master",
	"monkey",
	"shadow",
	"sunshine",
	"princess",
	"superman",
	"batman",
	"pokemon",
	"starwars",
	"matrix",
	"naruto",
	"minecraft",
	"fortnite",
	"michael",
	"jennifer",
	"jordan",
	"harley",
	"hunter",
	"ranger",
	"buster",
	"charlie",
	"daniel",
	"freedom",
	"whatever",
	"computer",
	"internet",
	"ordinateur",
	"samsung",
	"google",
	"facebook",
	"secret",
	"secret123",
	"service",
	"servicepublic",
	"servicespublics",
	"servicespublicsplus",
	"fonctionnaire",
	"administration",
	"gouvernement",
	"preference",
	"caf",
	"cpam",
	"francetravail",
	"poleemploi",
	"impots",
	"prefecture",
	"mairie",
	"agent",
	"agent123",
	"utilisateur",
	"default",
	"test",
	"test123",
	"testtest",
	"demo",
	"invite",
	"guest",
	"login",
	"connexion",
	"access",
	"acces",
	"hello",
	"hello123",
	"helloworld",
	"azertyazerty",
	"qwertyqwerty",
	"aaaaaa",
	"aaaaaaaaaaaa",
	"abcabcabcabc",
	"summer",
	"winter",
	"hiver",
	"ete",
	"printemps",
	"automne",
	"janvier",
	"decembre",
	"noel",
	"vacances",
	NULL,
};

/* Lower-cases ASCII letters of s into out (size outlen). Returns 0, or -1
 * when s does not fit. */
static int lower_ascii(const char *s, char *out, size_t outlen)
{
	size_t n = strlen(s);

	if (n + 1 > outlen)
		return -1;
	for (size_t i = 0; i <= n; i++) {
		char c = s[i];
		out[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	return 0;
}

/* 1 when c is an ASCII digit or punctuation/symbol. */
static int is_tail_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	       (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

static int on_list(const char *s, size_t len)
{
	for (size_t i = 0; common[i]; i++)
		if (strlen(common[i]) == len && !memcmp(common[i], s, len))
			return 1;
	return 0;
}

int password_is_common(const char *pw)
{
	char low[128];
	size_t n, base;

	if (lower_ascii(pw, low, sizeof low))
		return 0; /* longer than any entry plus its tail */
	n = strlen(low);
	if (on_list(low, n))
		return 1;
	base = n;
	while (base > 0 && n - base < 6 && is_tail_char(low[base - 1])) {
		base--;
		if (base > 0 && on_list(low, base))
			return 1;
	}
	/* one character repeated ("aaaaaaaaaaaa", "............") */
	for (size_t i = 1; i < n; i++)
		if (low[i] != low[0])
			return 0;
	return n > 0;
}

/* 1 when hay contains needle, ASCII letters compared without case. */
static int contains_nocase(const char *hay, const char *needle)
{
	size_t hn = strlen(hay), nn = strlen(needle);

	if (nn == 0 || nn > hn)
		return 0;
	for (size_t i = 0; i + nn <= hn; i++) {
		size_t k = 0;
		while (k < nn) {
			char a = hay[i + k], b = needle[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
			k++;
		}
		if (k == nn)
			return 1;
	}
	return 0;
}

const char *password_policy(const char *pw, const char *username)
{
	size_t len, chars;

	if (!pw || !*pw)
		return "Choisissez un mot de passe.";
	len = strlen(pw);
	if (!utf8_valid(pw, len))
		return "Le mot de passe contient des caractères non valides.";
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)pw[i] < 0x20 || pw[i] == 0x7f)
			return "Le mot de passe contient des caractères non valides.";
	chars = utf8_len(pw, len);
	if (chars < PW_MIN_CHARS)
		return "Le mot de passe doit contenir au moins 12 caractères.";
	if (chars > PW_MAX_CHARS)
		return "Le mot de passe ne doit pas dépasser 1000 caractères.";
	if (password_is_common(pw))
		return "Ce mot de passe est trop courant. Choisissez-en un autre, "
		       "par exemple une phrase de plusieurs mots.";
	if (username && strlen(username) >= 3 && contains_nocase(pw, username))
		return "Le mot de passe ne doit pas contenir votre nom d'utilisateur.";
	return NULL;
}

/* sodium_init once per process (idempotent, thread-safe). */
static int ready(void)
{
	static int done;

	if (!done)
		done = sodium_init() >= 0;
	return done;
}

int password_hash(const char *pw, char *out)
{
	if (!ready())
		return -1;
	if (crypto_pwhash_str(out, pw, strlen(pw), PW_OPSLIMIT, (size_t)PW_MEMLIMIT) != 0) {
		spp_log("password: crypto_pwhash_str failed (out of memory?)");
		return -1;
	}
	return 0;
}

int password_verify(const char *hash, const char *pw)
{
	if (!ready() || !hash || !*hash)
		return 0;
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

int password_needs_rehash(const char *hash)
{
	if (!ready())
		return 0;
	return crypto_pwhash_str_needs_rehash(hash, PW_OPSLIMIT, (size_t)PW_MEMLIMIT) != 0;
}

void password_verify_dummy(const char *pw)
{
	static char dummy[PW_HASH_MAX];

	if (!dummy[0] && password_hash("spplus: no such account", dummy) != 0)
		return;
	(void)password_verify(dummy, pw);
}
