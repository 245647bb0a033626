//go:build !linux

package demo

import "example.com/mini/internal/component"

func init() {
	component.Register(component.Registration{Name: "demo.stub", Args: Small{}})
}
