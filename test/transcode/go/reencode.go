// Command reencode decodes each "Type hex" line with the generated Go stubs and writes the message
// re-encoded, as hex: proof that the Go stubs build and read what the transcoder writes.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	_ "github.com/protomcp/protomcp/gen/go/mcp/v1"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	for in.Scan() {
		parts := strings.Fields(in.Text())
		mt, err := protoregistry.GlobalTypes.FindMessageByName(protoreflect.FullName("mcp.v1." + parts[0]))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		data, _ := hex.DecodeString(parts[1])
		msg := mt.New().Interface()
		if err := proto.Unmarshal(data, msg); err != nil {
			fmt.Fprintln(os.Stderr, parts[0], err)
			os.Exit(1)
		}
		out, err := proto.MarshalOptions{Deterministic: true}.Marshal(msg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(hex.EncodeToString(out))
	}
}
