package component

import "example.com/mini/internal/featuregate"

type Arguments interface{}
type Exports interface{}

type Registration struct {
	Name      string
	Stability featuregate.Stability
	Community bool
	Args      Arguments
	Exports   Exports
}

func Register(r Registration) {}
