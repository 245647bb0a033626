package common

import (
	"fmt"
	"time"

	"example.com/mini/syntax/alloytypes"
)

// LogsReceiver is an interface: a capsule.
type LogsReceiver interface {
	Chan() chan string
}

// Level is a text type whose UnmarshalText checks the value.
type Level string

const (
	LevelDebug Level = "debug"
	LevelInfo  Level = "info"
)

func (l *Level) UnmarshalText(text []byte) error {
	switch Level(text) {
	case "":
		*l = LevelInfo
	case LevelDebug, LevelInfo, "warn":
		*l = Level(text)
	default:
		return fmt.Errorf("unrecognized level %q", string(text))
	}
	return nil
}

// Action is checked through a lookup table.
type Action string

var actions = map[Action]struct{}{
	"keep": {},
	"drop": {},
}

func (a *Action) UnmarshalText(text []byte) error {
	if _, ok := actions[Action(text)]; ok {
		*a = Action(text)
		return nil
	}
	return fmt.Errorf("bad action")
}

// HTTPClient is squashed into component arguments.
type HTTPClient struct {
	BearerToken     alloytypes.Secret `alloy:"bearer_token,attr,optional"`
	FollowRedirects bool              `alloy:"follow_redirects,attr,optional"`
	TLS             TLSConfig         `alloy:"tls_config,block,optional"`
}

type TLSConfig struct {
	CAFile string `alloy:"ca_file,attr,optional"`
}

var DefaultHTTPClient = HTTPClient{
	FollowRedirects: true,
}

func CloneDefaultHTTPClient() *HTTPClient {
	clone := DefaultHTTPClient
	return &clone
}

// Backoff has its own defaults.
type Backoff struct {
	Min time.Duration `alloy:"min_period,attr,optional"`
	Max time.Duration `alloy:"max_period,attr,optional"`
}

func (b *Backoff) SetToDefault() {
	b.Min = 500 * time.Millisecond
	b.Max = 5 * time.Minute
}
