// Base64 between bytes and bytes, for the transcoder's binary content (images, audio, blobs).
//
// Node 20's JavaScript API converts base64 only through strings: text to bytes needs a string of
// the text first, bytes to text makes one. For a 16 KB image those strings cost more than the
// conversion itself. Node's binary carries simdutf, which converts bytes to bytes, and exports its
// symbols as it exports V8's and libuv's: this addon declares the two functions it calls and lets
// the loader bind them to the running node. Where they are missing, loading fails and the
// transcoder keeps its string path (src/transcode/native-base64.ts checks the version first).
#include <node_api.h>

#include <cstddef>
#include <cstdint>

namespace simdutf {
// Declared as simdutf 6 declares them (Node 20.20 carries 6.4.2); only what the calls need.
enum error_code { SUCCESS = 0 };
struct result {
  error_code error;
  size_t count;
};
enum base64_options : uint64_t { base64_default = 0 };
enum last_chunk_handling_options : uint64_t { loose = 0, strict = 1 };
result base64_to_binary(const char* input, size_t length, char* output, base64_options options,
                        last_chunk_handling_options last_chunk_options) noexcept;
size_t binary_to_base64(const char* input, size_t length, char* output,
                        base64_options options) noexcept;
}  // namespace simdutf

namespace {

struct View {
  uint8_t* data;
  size_t length;
};

bool ReadView(napi_env env, napi_value value, View* view) {
  napi_typedarray_type type;
  size_t length;
  void* data;
  if (napi_get_typedarray_info(env, value, &type, &length, &data, nullptr, nullptr) != napi_ok ||
      type != napi_uint8_array)
    return false;
  view->data = static_cast<uint8_t*>(data);
  view->length = length;
  return true;
}

bool ReadIndex(napi_env env, napi_value value, size_t* index) {
  double number;
  if (napi_get_value_double(env, value, &number) != napi_ok || !(number >= 0) ||
      number > 9007199254740991.0 || number != static_cast<double>(static_cast<size_t>(number)))
    return false;
  *index = static_cast<size_t>(number);
  return true;
}

// (source, from, to, target, at): the checked ranges of both calls.
bool ReadArgs(napi_env env, napi_callback_info info, View* source, size_t* from, size_t* to,
              View* target, size_t* at) {
  size_t argc = 5;
  napi_value argv[5];
  if (napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr) != napi_ok || argc != 5 ||
      !ReadView(env, argv[0], source) || !ReadIndex(env, argv[1], from) ||
      !ReadIndex(env, argv[2], to) || !ReadView(env, argv[3], target) ||
      !ReadIndex(env, argv[4], at) || *from > *to || *to > source->length ||
      *at > target->length) {
    napi_throw_range_error(env, nullptr, "base64: bad arguments or ranges");
    return false;
  }
  return true;
}

napi_value Number(napi_env env, double n) {
  napi_value value;
  napi_create_double(env, n, &value);
  return value;
}

// decode(text, from, to, out, at): writes the bytes of the padded, standard base64 text[from, to)
// at out[at] and returns their count, or -1 when the text is not such base64. `out` must have room
// for (to - from) / 4 * 3 bytes from `at`.
napi_value Decode(napi_env env, napi_callback_info info) {
  View text, out;
  size_t from, to, at;
  if (!ReadArgs(env, info, &text, &from, &to, &out, &at)) return nullptr;
  const size_t n = to - from;
  if (n % 4 != 0 || out.length - at < n / 4 * 3) {
    napi_throw_range_error(env, nullptr, "base64: text not a multiple of 4, or no room for its bytes");
    return nullptr;
  }
  const simdutf::result r = simdutf::base64_to_binary(
      reinterpret_cast<const char*>(text.data + from), n, reinterpret_cast<char*>(out.data + at),
      simdutf::base64_default, simdutf::strict);
  return Number(env, r.error == simdutf::SUCCESS ? static_cast<double>(r.count) : -1);
}

// encode(bytes, from, to, out, at): writes bytes[from, to) as padded base64 at out[at] and returns
// the number of characters written. `out` must have room for them.
napi_value Encode(napi_env env, napi_callback_info info) {
  View bytes, out;
  size_t from, to, at;
  if (!ReadArgs(env, info, &bytes, &from, &to, &out, &at)) return nullptr;
  const size_t n = to - from;
  if (out.length - at < (n + 2) / 3 * 4) {
    napi_throw_range_error(env, nullptr, "base64: no room for the text");
    return nullptr;
  }
  const size_t written = simdutf::binary_to_base64(reinterpret_cast<const char*>(bytes.data + from),
                                                   n, reinterpret_cast<char*>(out.data + at),
                                                   simdutf::base64_default);
  return Number(env, static_cast<double>(written));
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor functions[] = {
      {"decode", nullptr, Decode, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
      {"encode", nullptr, Encode, nullptr, nullptr, nullptr, napi_enumerable, nullptr},
  };
  napi_define_properties(env, exports, 2, functions);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
