package demo

import (
	"errors"
	"time"

	"github.com/alecthomas/units"
	"github.com/example/external"
	promstorage "github.com/prometheus/prometheus/storage"

	"example.com/mini/internal/component"
	c "example.com/mini/internal/component/common"
	"example.com/mini/internal/featuregate"
	"example.com/mini/syntax/alloytypes"
)

const name = "demo.const"

func init() {
	component.Register(component.Registration{
		Name:      "demo.widget",
		Stability: featuregate.StabilityGenerallyAvailable,
		Args:      Arguments{},
		Exports:   Exports{},
	})
	component.Register(component.Registration{
		Name:      name,
		Stability: featuregate.StabilityExperimental,
		Args:      Small{},
		Exports:   nil,
	})
}

// LevelAlias is a type alias across packages.
type LevelAlias = c.Level

type Arguments struct {
	URL        string               `alloy:"url,attr"`
	Timeout    time.Duration        `alloy:"timeout,attr,optional"`
	Size       units.Base2Bytes     `alloy:"size,attr,optional"`
	Labels     map[string]string    `alloy:"labels,attr,optional"`
	Ports      []int                `alloy:"ports,attr,optional"`
	Ratio      float64              `alloy:"ratio,attr,optional"`
	Password   alloytypes.Secret    `alloy:"password,attr,optional"`
	Content    alloytypes.OptionalSecret `alloy:"content,attr,optional"`
	Level      LevelAlias           `alloy:"level,attr,optional"`
	Action     c.Action             `alloy:"action,attr,optional"`
	Mode       string               `alloy:"mode,attr,optional"`
	ForwardTo  []c.LogsReceiver     `alloy:"forward_to,attr"`
	Appendable promstorage.Appendable `alloy:"appendable,attr,optional"`
	Mystery    external.Thing       `alloy:"mystery,attr,optional"`
	Anything   any                  `alloy:"anything,attr,optional"`
	Object     Point                `alloy:"object,attr,optional"`
	Client     *c.HTTPClient        `alloy:",squash"`
	Endpoints  []Endpoint           `alloy:"endpoint,block"`
	Rule       *Rule                `alloy:"rule,block,optional"`
	Backoff    c.Backoff            `alloy:"backoff,block,optional"`
	Stages     []Stage              `alloy:"stage,enum,optional"`
	Embedded
	internal   int
	Untagged   string
}

// Embedded fields are promoted.
type Embedded struct {
	Extra string `alloy:"extra,attr,optional"`
}

type Point struct {
	X int `alloy:"x,attr"`
	Y int `alloy:"y,attr,optional"`
}

var DefaultArguments = Arguments{
	Timeout: 10 * time.Second,
	Size:    2 * units.MiB,
	Labels:  map[string]string{"env": "prod"},
	Ports:   []int{80, 443},
	Ratio:   0.5,
	Level:   c.LevelInfo,
	Mode:    "fast",
	Client:  c.CloneDefaultHTTPClient(),
}

func (a *Arguments) SetToDefault() {
	*a = DefaultArguments
}

func (a *Arguments) Validate() error {
	switch a.Mode {
	case "fast", "slow":
	default:
		return errors.New("bad mode")
	}
	return nil
}

type Endpoint struct {
	Name string `alloy:"name,attr,optional"`
	URL  string `alloy:"url,attr"`
	Wait time.Duration `alloy:"wait,attr,optional"`
}

func (e *Endpoint) SetToDefault() {
	*e = Endpoint{Wait: time.Second}
}

type Rule struct {
	Label string `alloy:",label"`
	Keep  bool   `alloy:"keep,attr,optional"`
}

// Stage is an enum: each member is written stage.<name>.
type Stage struct {
	JSON  *JSONStage  `alloy:"json,block,optional"`
	Match *MatchStage `alloy:"match,block,optional"`
}

type JSONStage struct {
	Expressions map[string]string `alloy:"expressions,attr,optional"`
}

type MatchStage struct {
	Selector string  `alloy:"selector,attr"`
	Stages   []Stage `alloy:"stage,enum,optional"`
}

type Small struct {
	Enabled bool `alloy:"enabled,attr,optional"`
}

type Exports struct {
	Receiver c.LogsReceiver `alloy:"receiver,attr"`
	Targets  []map[string]string `alloy:"targets,attr"`
}
