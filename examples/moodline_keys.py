"""CURVE for the examples: when Moodline runs with curve.server_secret_key set, a client
connects with its own key file (from `moodline keys generate`) and the server's public key.

    add_key_options(parser)          # --key FILE, --server-key=Z85
    use_keys(socket, args)           # before socket.connect(...)
"""
import os


def add_key_options(parser):
    parser.add_argument("--key", default=os.environ.get("MOODLINE_KEY"),
                        help="this client's key file (moodline keys generate), when the server uses CURVE")
    parser.add_argument("--server-key", default=os.environ.get("MOODLINE_SERVER_KEY"),
                        help="the server's public key, printed when it starts; write --server-key=KEY, "
                             "since a Z85 key may begin with '-'")


def read_key_file(path):
    """The name, public and secret key of a key file (a few `field: "value"` lines)."""
    fields = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or ":" not in line:
                continue
            name, _, value = line.partition(":")
            fields[name.strip()] = value.strip().strip('"')
    return fields


def use_keys(socket, args):
    """Makes `socket` a CURVE client when --key and --server-key are given."""
    if not args.key and not args.server_key:
        return
    if not (args.key and args.server_key):
        raise SystemExit("give both --key and --server-key (or neither, for plain sockets)")
    key = read_key_file(args.key)
    socket.curve_serverkey = args.server_key.encode()
    socket.curve_publickey = key["public_key"].encode()
    socket.curve_secretkey = key["secret_key"].encode()
