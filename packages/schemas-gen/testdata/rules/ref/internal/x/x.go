package x

import (
	"errors"
	"fmt"
)

var errBoth = errors.New("at most one of a, b must be configured")

type Args struct {
	A    string `alloy:"a,attr,optional"`
	B    string `alloy:"b,attr,optional"`
	Mode string `alloy:"mode,attr,optional"`
	N    int    `alloy:"n,attr,optional"`
}

func (a *Args) Validate() error {
	if a.A != "" && a.B != "" {
		return errBoth
	}
	if a.Mode != "fast" && a.Mode != "slow" {
		return fmt.Errorf("mode must be fast or slow, got %q", a.Mode)
	}
	if a.N <= 0 {
		return fmt.Errorf("n must be greater than 0")
	}
	return nil
}
