/*
 * Strict standard base64 (RFC 4648 section 4, padded, canonical), bytes to
 * bytes, for protomcp's transcoder (src/transcode/native-base64.ts loads it).
 * Node-API only (NAPI_VERSION 8), so one binary serves every Node from 20 on:
 * it imports nothing from Node but napi_* functions, which Node exports stably.
 *
 *   decode(text: Uint8Array, from, to, out: Uint8Array, at): number
 *       bytes written, or -1 if text[from,to) is not strict padded
 *       canonical base64 (out may have been partially written then).
 *   encode(bytes: Uint8Array, from, to, out: Uint8Array, at): number
 *       chars written (always padded).
 *
 * All ranges are validated before any memory is touched (RangeError).
 * SIMD: AVX-512 VBMI and AVX2 kernels on x86-64, chosen once when the library
 * is loaded (__builtin_cpu_supports), so no instruction the CPU lacks is ever
 * run; portable scalar code otherwise and on other architectures.
 */
#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
#include <node_api.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define B64_X86 1
#include <immintrin.h>
#endif

/* ---------------------------------------------------------------- tables */

static const char ENC[64] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* DEC[c] = 6-bit value, or 0x80 for any byte outside the alphabet. */
static uint8_t DEC[256];
/* AVX-512 permutation/shift control vectors (see the kernels). */
static uint8_t DEC_GATHER[64], ENC_SPREAD[64], ENC_SHIFTS[64];

__attribute__((constructor)) static void init_tables(void) {
  memset(DEC, 0x80, sizeof DEC);
  for (int i = 0; i < 64; i++) DEC[(uint8_t)ENC[i]] = (uint8_t)i;
  for (int j = 0; j < 64; j++) DEC_GATHER[j] = j < 48 ? (uint8_t)(4 * (j / 3) + 2 - j % 3) : 0;
  for (int k = 0; k < 16; k++) {
    ENC_SPREAD[4 * k] = (uint8_t)(3 * k + 1);
    ENC_SPREAD[4 * k + 1] = (uint8_t)(3 * k);
    ENC_SPREAD[4 * k + 2] = (uint8_t)(3 * k + 2);
    ENC_SPREAD[4 * k + 3] = (uint8_t)(3 * k + 1);
  }
  static const uint8_t shq[8] = {10, 4, 22, 16, 42, 36, 54, 48};
  for (int j = 0; j < 64; j++) ENC_SHIFTS[j] = shq[j & 7];
}

/* ---------------------------------------------------------------- scalar */

/* Decode n chars (n % 4 == 0, no padding allowed) -> n/4*3 bytes.
 * Returns 0 on success, -1 on an invalid char. */
static int dec_body_scalar(const uint8_t *s, size_t n, uint8_t *d) {
  for (size_t i = 0; i < n; i += 4, d += 3) {
    uint32_t a = DEC[s[i]], b = DEC[s[i + 1]], c = DEC[s[i + 2]], e = DEC[s[i + 3]];
    if ((a | b | c | e) & 0x80) return -1;
    uint32_t v = (a << 18) | (b << 12) | (c << 6) | e;
    d[0] = (uint8_t)(v >> 16);
    d[1] = (uint8_t)(v >> 8);
    d[2] = (uint8_t)v;
  }
  return 0;
}

/* Encode n bytes (n % 3 == 0) -> n/3*4 chars. */
static void enc_body_scalar(const uint8_t *s, size_t n, uint8_t *d) {
  for (size_t i = 0; i < n; i += 3, d += 4) {
    uint32_t v = ((uint32_t)s[i] << 16) | ((uint32_t)s[i + 1] << 8) | s[i + 2];
    d[0] = (uint8_t)ENC[v >> 18];
    d[1] = (uint8_t)ENC[(v >> 12) & 63];
    d[2] = (uint8_t)ENC[(v >> 6) & 63];
    d[3] = (uint8_t)ENC[v & 63];
  }
}

#ifdef B64_X86
/* ---------------------------------------------------------------- AVX2 */

/* Decode body: returns number of chars consumed (multiple of 32) or
 * (size_t)-1 on an invalid char. Reads 32, writes 24 per step.
 *
 * Validation splits each byte c into hi = c>>4 and lo = c&15.  hi selects a
 * class bit (HI_CLASS), lo selects the set of classes in which that low nibble
 * is NOT part of the alphabet (LO_BAD); c is valid iff the two share no bit.
 *   bit0: hi in {0,1,8..15}  - never valid (so every LO_BAD entry has bit0)
 *   bit1: hi=2  valid lo: B('+') F('/')
 *   bit2: hi=3  valid lo: 0..9            ('0'..'9')
 *   bit3: hi=4  valid lo: 1..F            ('A'..'O')
 *   bit4: hi=5  valid lo: 0..A            ('P'..'Z')
 *   bit5: hi=6  valid lo: 1..F            ('a'..'o')
 *   bit6: hi=7  valid lo: 0..A            ('p'..'z')
 * The 6-bit value is c + OFFSET[hi], with '/' corrected by -3 (hi=2 holds
 * both '+' -> 62 (+19) and '/' -> 63 (+16)). */
__attribute__((target("avx2")))
static size_t dec_body_avx2(const uint8_t *s, size_t n, uint8_t *d) {
#define LOB(l) (0x01 | (((l) != 0xB && (l) != 0xF) ? 0x02 : 0) | ((l) >= 0xA ? 0x04 : 0) | \
                ((l) == 0 ? 0x28 : 0) | ((l) >= 0xB ? 0x50 : 0))
  const __m256i lo_bad = _mm256_setr_epi8(
      LOB(0), LOB(1), LOB(2), LOB(3), LOB(4), LOB(5), LOB(6), LOB(7),
      LOB(8), LOB(9), LOB(10), LOB(11), LOB(12), LOB(13), LOB(14), LOB(15),
      LOB(0), LOB(1), LOB(2), LOB(3), LOB(4), LOB(5), LOB(6), LOB(7),
      LOB(8), LOB(9), LOB(10), LOB(11), LOB(12), LOB(13), LOB(14), LOB(15));
#undef LOB
  const __m256i hi_class = _mm256_setr_epi8(
      1, 1, 2, 4, 8, 16, 32, 64, 1, 1, 1, 1, 1, 1, 1, 1,
      1, 1, 2, 4, 8, 16, 32, 64, 1, 1, 1, 1, 1, 1, 1, 1);
  const __m256i offset = _mm256_setr_epi8(
      0, 0, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m256i nib = _mm256_set1_epi8(0x0F);
  const __m256i slash = _mm256_set1_epi8('/');
  const __m256i m3 = _mm256_set1_epi8(-3);
  /* packing constants */
  const __m256i m1 = _mm256_set1_epi32(0x01400140); /* bytes 0x40,0x01 */
  const __m256i m2 = _mm256_set1_epi32(0x00011000); /* words 0x1000,1 */
  const __m256i shuf = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
                                        2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  const __m256i perm = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
  size_t i = 0;
  for (; i + 32 <= n; i += 32, d += 24) {
    __m256i c = _mm256_loadu_si256((const __m256i *)(s + i));
    __m256i hi = _mm256_and_si256(_mm256_srli_epi32(c, 4), nib);
    __m256i lo = _mm256_and_si256(c, nib);
    __m256i bad = _mm256_and_si256(_mm256_shuffle_epi8(lo_bad, lo), _mm256_shuffle_epi8(hi_class, hi));
    if (!_mm256_testz_si256(bad, bad)) return (size_t)-1;
    __m256i off = _mm256_add_epi8(_mm256_shuffle_epi8(offset, hi),
                                  _mm256_and_si256(_mm256_cmpeq_epi8(c, slash), m3));
    __m256i v = _mm256_add_epi8(c, off);             /* 6-bit values */
    v = _mm256_maddubs_epi16(v, m1);                 /* a*64+b, c*64+d */
    v = _mm256_madd_epi16(v, m2);                    /* 24-bit value per dword */
    v = _mm256_shuffle_epi8(v, shuf);                /* 12 bytes per lane, big-endian */
    v = _mm256_permutevar8x32_epi32(v, perm);        /* 24 contiguous bytes */
    _mm_storeu_si128((__m128i *)d, _mm256_castsi256_si128(v));
    _mm_storel_epi64((__m128i *)(d + 16), _mm256_extracti128_si256(v, 1));
  }
  return i;
}

/* Encode body: returns bytes consumed (multiple of 24). Reads 28 bytes
 * (two overlapping 16-byte loads at +0 and +12), writes 32 per step.
 *
 * Each 3-byte group (s0,s1,s2) is spread to a dword with 16-bit words
 * w0 = s0<<8|s1 and w1 = s1<<8|s2.  Then the four indices are
 *   i0 = w0>>10, i1 = (w0>>4)&63, i2 = (w1>>6)&63, i3 = w1&63
 * and must land in bytes 0..3: word0 = i0 | i1<<8, word1 = i2 | i3<<8.
 * Right shifts by 10 / 6 are 16-bit mulhi by 2^6 / 2^10 of pre-masked words;
 * left shifts by 4 / 8 are 16-bit mullo by 2^4 / 2^8 of pre-masked words.
 * Index -> ASCII: offset table indexed by a small class number:
 *   0: 26..51 (+71)  1..10: 52..61 (-4)  11: 62 (-19)  12: 63 (-16)  13: 0..25 (+65)
 * class = saturating(i - 51), then forced to 13 where i < 26. */
__attribute__((target("avx2")))
static size_t enc_body_avx2(const uint8_t *s, size_t n, uint8_t *d) {
  const __m256i spread = _mm256_setr_epi8(1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10,
                                          1, 0, 2, 1, 4, 3, 5, 4, 7, 6, 8, 7, 10, 9, 11, 10);
  const __m256i mask_r = _mm256_set1_epi32(0x0FC0FC00);
  const __m256i mul_r = _mm256_set1_epi32(0x04000040);
  const __m256i mask_l = _mm256_set1_epi32(0x003F03F0);
  const __m256i mul_l = _mm256_set1_epi32(0x01000010);
  const __m256i c51 = _mm256_set1_epi8(51), c26 = _mm256_set1_epi8(26);
  const __m256i c13 = _mm256_set1_epi8(13);
  const __m256i table = _mm256_setr_epi8(71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -19, -16, 65, 0, 0,
                                         71, -4, -4, -4, -4, -4, -4, -4, -4, -4, -4, -19, -16, 65, 0, 0);
  size_t i = 0;
  for (; i + 28 <= n; i += 24, d += 32) {
    __m128i lo = _mm_loadu_si128((const __m128i *)(s + i));
    __m128i hi = _mm_loadu_si128((const __m128i *)(s + i + 12));
    __m256i v = _mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1);
    v = _mm256_shuffle_epi8(v, spread);
    __m256i x = _mm256_or_si256(_mm256_mulhi_epu16(_mm256_and_si256(v, mask_r), mul_r),
                                _mm256_mullo_epi16(_mm256_and_si256(v, mask_l), mul_l));
    __m256i cls = _mm256_subs_epu8(x, c51);
    cls = _mm256_or_si256(cls, _mm256_and_si256(_mm256_cmpgt_epi8(c26, x), c13));
    _mm256_storeu_si256((__m256i *)d, _mm256_add_epi8(x, _mm256_shuffle_epi8(table, cls)));
  }
  return i;
}

/* ---------------------------------------------------------------- AVX-512 VBMI */

#define T512 __attribute__((target("avx512f,avx512bw,avx512vbmi")))

/* Decode: 64 chars -> 48 bytes per step. The 128-entry DEC table is held in
 * two zmm registers and indexed with vpermi2b (low 7 bits of each char);
 * a char is invalid if its table entry or the char itself has bit 7 set.
 * Packing as in AVX2 (maddubs + madd give one 24-bit value per dword), then
 * one vpermb collects bytes 2,1,0 of every dword into 48 contiguous bytes. */
T512 static size_t dec_body_avx512(const uint8_t *s, size_t n, uint8_t *d) {
  const __m512i t0 = _mm512_loadu_si512((const void *)DEC);
  const __m512i t1 = _mm512_loadu_si512((const void *)(DEC + 64));
  const __m512i hibit = _mm512_set1_epi8((char)0x80);
  const __m512i m1 = _mm512_set1_epi32(0x01400140);
  const __m512i m2 = _mm512_set1_epi32(0x00011000);
  const __m512i gather = _mm512_loadu_si512((const void *)DEC_GATHER);
  const __mmask64 keep = 0x0000FFFFFFFFFFFFull;
  size_t i = 0;
  /* While >= 88 chars remain, at least 66 output bytes remain, so a full
   * 64-byte store (48 useful + 16 later overwritten) stays inside the target;
   * the last step(s) use a masked 48-byte store. */
  for (; i + 64 <= n; i += 64, d += 48) {
    __m512i c = _mm512_loadu_si512((const void *)(s + i));
    __m512i v = _mm512_permutex2var_epi8(t0, c, t1);
    if (_mm512_test_epi8_mask(_mm512_or_si512(v, c), hibit)) return (size_t)-1;
    v = _mm512_maddubs_epi16(v, m1);
    v = _mm512_madd_epi16(v, m2);
    v = _mm512_permutexvar_epi8(gather, v);
    if (i + 88 <= n) _mm512_storeu_si512((void *)d, v);
    else _mm512_mask_storeu_epi8((void *)d, keep, v);
  }
  return i;
}

/* Encode: 48 bytes -> 64 chars per step (reads 64).  vpermb spreads each
 * 3-byte group (s0,s1,s2) to dword bytes [s1,s0,s2,s1]; vpmultishiftqb then
 * pulls the four 6-bit fields (at bit offsets 10,4,22,16 within the dword,
 * +32 for the upper dword of each qword) into bytes; vpermb on the 64-char
 * alphabet uses only the low 6 bits of each index, so no masking needed. */
T512 static size_t enc_body_avx512(const uint8_t *s, size_t n, uint8_t *d) {
  const __m512i spread = _mm512_loadu_si512((const void *)ENC_SPREAD);
  const __m512i shifts = _mm512_loadu_si512((const void *)ENC_SHIFTS);
  const __m512i alpha = _mm512_loadu_si512((const void *)ENC);
  size_t i = 0;
  for (; i + 64 <= n; i += 48, d += 64) {
    __m512i v = _mm512_loadu_si512((const void *)(s + i));
    v = _mm512_permutexvar_epi8(spread, v);
    v = _mm512_multishift_epi64_epi8(shifts, v);
    _mm512_storeu_si512((void *)d, _mm512_permutexvar_epi8(v, alpha));
  }
  return i;
}

#else
/* Never called: the levels below stay 0 where there are no x86 kernels. */
static size_t dec_body_avx512(const uint8_t *s, size_t n, uint8_t *d) { (void)s; (void)n; (void)d; return 0; }
static size_t enc_body_avx512(const uint8_t *s, size_t n, uint8_t *d) { (void)s; (void)n; (void)d; return 0; }
static size_t dec_body_avx2(const uint8_t *s, size_t n, uint8_t *d) { (void)s; (void)n; (void)d; return 0; }
static size_t enc_body_avx2(const uint8_t *s, size_t n, uint8_t *d) { (void)s; (void)n; (void)d; return 0; }
#endif

/* ---------------------------------------------------------------- dispatch */

/* cpu_level: what the CPU supports, detected once when the library is loaded
 * (0 scalar, 1 AVX2, 2 AVX-512 VBMI); have_*: the kernels in use, which
 * setSimd can only lower (tests), never raise past cpu_level. */
static int cpu_level, have_avx2, have_avx512;

__attribute__((constructor)) static void detect_cpu(void) {
#ifdef B64_X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) {
    cpu_level = 1;
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vbmi"))
      cpu_level = 2;
  }
#endif
  have_avx2 = cpu_level >= 1;
  have_avx512 = cpu_level >= 2;
}

/* Decoded length of n chars, or -1 if structurally impossible. */
static int64_t decoded_len(const uint8_t *s, size_t n, int *pad) {
  *pad = 0;
  if (n & 3) return -1;
  if (n == 0) return 0;
  if (s[n - 1] == '=') *pad = (s[n - 2] == '=') ? 2 : 1;
  return (int64_t)(n / 4 * 3) - *pad;
}

/* s/n: text (n%4==0), d: room for exactly the decoded length. */
static int64_t decode_into(const uint8_t *s, size_t n, int pad, uint8_t *d) {
  if (n == 0) return 0;
  size_t body = pad ? n - 4 : n;
  uint8_t *d0 = d;
  size_t done = 0;
  if (have_avx512 && body >= 64) {
    done = dec_body_avx512(s, body, d);
    if (done == (size_t)-1) return -1;
    d += done / 4 * 3;
  }
  if (have_avx2 && body - done >= 32) {
    size_t k = dec_body_avx2(s + done, body - done, d);
    if (k == (size_t)-1) return -1;
    done += k;
    d += k / 4 * 3;
  }
  if (dec_body_scalar(s + done, body - done, d)) return -1;
  d += (body - done) / 4 * 3;
  if (pad) {
    const uint8_t *q = s + body;
    uint32_t a = DEC[q[0]], b = DEC[q[1]];
    if ((a | b) & 0x80) return -1;
    if (pad == 2) {                  /* xx== : 1 byte, low 4 bits of b must be 0 */
      if (b & 0x0F) return -1;
      *d++ = (uint8_t)((a << 2) | (b >> 4));
    } else {                         /* xxx= : 2 bytes, low 2 bits of c must be 0 */
      uint32_t c = DEC[q[2]];
      if ((c & 0x80) || (c & 0x03)) return -1;
      uint32_t v = (a << 12) | (b << 6) | c;      /* 18 bits -> 16 bits */
      *d++ = (uint8_t)(v >> 10);
      *d++ = (uint8_t)(v >> 2);
    }
  }
  return (int64_t)(d - d0);
}

static size_t encode_into(const uint8_t *s, size_t n, uint8_t *d) {
  uint8_t *d0 = d;
  size_t done = 0;
  if (have_avx512 && n >= 64) {
    done = enc_body_avx512(s, n, d);
    d += done / 3 * 4;
  }
  if (have_avx2 && n - done >= 28) {
    size_t k = enc_body_avx2(s + done, n - done, d);
    done += k;
    d += k / 3 * 4;
  }
  size_t rest = n - done, full = rest - rest % 3;
  enc_body_scalar(s + done, full, d);
  d += full / 3 * 4;
  s += done + full;
  if (rest % 3 == 1) {
    d[0] = (uint8_t)ENC[s[0] >> 2];
    d[1] = (uint8_t)ENC[(s[0] & 3) << 4];
    d[2] = '=';
    d[3] = '=';
    d += 4;
  } else if (rest % 3 == 2) {
    uint32_t v = ((uint32_t)s[0] << 8) | s[1];
    d[0] = (uint8_t)ENC[v >> 10];
    d[1] = (uint8_t)ENC[(v >> 4) & 63];
    d[2] = (uint8_t)ENC[(v << 2) & 63];
    d[3] = '=';
    d += 4;
  }
  return (size_t)(d - d0);
}

/* ---------------------------------------------------------------- Node-API */

static napi_value throw_range(napi_env env, const char *msg) {
  napi_throw_range_error(env, "ERR_OUT_OF_RANGE", msg);
  return NULL;
}

static napi_value throw_type(napi_env env, const char *msg) {
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", msg);
  return NULL;
}

/* Uint8Array (incl. Buffer) -> data/len; 0 on success. */
static int get_u8(napi_env env, napi_value v, uint8_t **data, size_t *len) {
  /* napi_get_typedarray_info fails with napi_invalid_arg on non-typed-arrays */
  napi_typedarray_type t;
  void *p = NULL;
  size_t n = 0;
  if (napi_get_typedarray_info(env, v, &t, &n, &p, NULL, NULL) != napi_ok) return -1;
  if (t != napi_uint8_array) return -1;
  *data = (uint8_t *)p;
  *len = n;
  return 0;
}

/* Non-negative integer <= max; 0 on success. (The integer test is a cast
 * rather than floor(), so that the library needs no libm.) */
static int get_index(napi_env env, napi_value v, size_t max, size_t *out) {
  double d;
  if (napi_get_value_double(env, v, &d) != napi_ok) return -1; /* not a number */
  if (!(d >= 0) || d > (double)max || d != (double)(uint64_t)d) return -2;
  *out = (size_t)d;
  return 0;
}

typedef struct {
  uint8_t *src, *dst;
  size_t from, to, at, dlen;
} args_t;

static int parse_args(napi_env env, napi_callback_info info, args_t *a) {
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return -1;
  if (argc < 5) { throw_type(env, "expected 5 arguments"); return -1; }
  size_t slen;
  if (get_u8(env, argv[0], &a->src, &slen)) { throw_type(env, "source must be a Uint8Array"); return -1; }
  if (get_u8(env, argv[3], &a->dst, &a->dlen)) { throw_type(env, "target must be a Uint8Array"); return -1; }
  int r;
  if ((r = get_index(env, argv[1], slen, &a->from))) {
    r == -1 ? throw_type(env, "from must be a number") : throw_range(env, "from out of range");
    return -1;
  }
  if ((r = get_index(env, argv[2], slen, &a->to))) {
    r == -1 ? throw_type(env, "to must be a number") : throw_range(env, "to out of range");
    return -1;
  }
  if (a->to < a->from) { throw_range(env, "to < from"); return -1; }
  if ((r = get_index(env, argv[4], a->dlen, &a->at))) {
    r == -1 ? throw_type(env, "at must be a number") : throw_range(env, "at out of range");
    return -1;
  }
  return 0;
}

static napi_value make_num(napi_env env, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  return v;
}

static napi_value js_decode(napi_env env, napi_callback_info info) {
  args_t a;
  if (parse_args(env, info, &a)) return NULL;
  const uint8_t *s = a.src + a.from;
  size_t n = a.to - a.from;
  int pad;
  int64_t need = decoded_len(s, n, &pad);
  if (need < 0) return make_num(env, -1);
  if ((uint64_t)need > a.dlen - a.at) return throw_range(env, "target too small");
  /* Overlap between source and target would be unsafe: refuse it. */
  if (n && need && a.src && a.dst) {
    const uint8_t *d = a.dst + a.at;
    if (d < s + n && s < d + need) return throw_range(env, "source and target overlap");
  }
  return make_num(env, (double)decode_into(s, n, pad, a.dst + a.at));
}

static napi_value js_encode(napi_env env, napi_callback_info info) {
  args_t a;
  if (parse_args(env, info, &a)) return NULL;
  const uint8_t *s = a.src + a.from;
  size_t n = a.to - a.from;
  size_t need = (n + 2) / 3 * 4;
  if (need > a.dlen - a.at) return throw_range(env, "target too small");
  if (n && a.src && a.dst) {
    const uint8_t *d = a.dst + a.at;
    if (d < s + n && s < d + need) return throw_range(env, "source and target overlap");
  }
  return make_num(env, (double)encode_into(s, n, a.dst + a.at));
}

static napi_value js_simd(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value v;
  napi_create_string_utf8(env, have_avx512 ? "avx512vbmi" : have_avx2 ? "avx2" : "scalar", NAPI_AUTO_LENGTH, &v);
  return v;
}

/* setSimd(level), 0 scalar, 1 AVX2, 2 AVX-512: for tests, to run each kernel.
 * Harmless: it only picks among the kernels the CPU supports (results are the
 * same at every level), and the loader does not pass it on. */
static napi_value js_set_simd(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t level = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc >= 1) napi_get_value_int32(env, argv[0], &level);
  if (level > cpu_level) level = cpu_level;
  have_avx2 = level >= 1;
  have_avx512 = level >= 2;
  return js_simd(env, info);
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"decode", NULL, js_decode, NULL, NULL, NULL, napi_enumerable, NULL},
      {"encode", NULL, js_encode, NULL, NULL, NULL, napi_enumerable, NULL},
      {"simd", NULL, js_simd, NULL, NULL, NULL, napi_enumerable, NULL},
      {"setSimd", NULL, js_set_simd, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}
