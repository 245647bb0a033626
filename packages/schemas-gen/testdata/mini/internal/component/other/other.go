package other

import "example.com/mini/internal/component"

func init() {
	component.Register(component.Registration{
		Name:      "other.thing",
		Community: true,
		Args:      struct{}{},
		Exports:   nil,
	})
}
