package x

import (
	"errors"
	"fmt"
)

// A comment that moves every line down.

var errBoth = errors.New("only one of a and b may be set")

type Args struct {
	A    string `alloy:"a,attr,optional"`
	B    string `alloy:"b,attr,optional"`
	Mode string `alloy:"mode,attr,optional"`
}

func (a *Args) Validate() error {
	if a.A != "" && a.B != "" {
		return errBoth
	}
	if a.Mode != "fast" {
		return fmt.Errorf("mode must be fast or turbo, got %q", a.Mode)
	}
	return nil
}
